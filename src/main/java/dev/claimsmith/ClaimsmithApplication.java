package dev.claimsmith;

import java.util.Arrays;

import dev.claimsmith.template.TemplatePreviewCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Claimsmith: organizations, users and memberships in; signed, templated access tokens
 * out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ClaimsmithApplication {

	/**
	 * Starts the service; {@code preview …} instead renders a template offline and exits
	 * (see {@link TemplatePreviewCommand}), without the web server or the database.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && TemplatePreviewCommand.NAME.equals(args[0])) {
			System.exit(TemplatePreviewCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(ClaimsmithApplication.class, args);
	}

}
