package dev.claimsmith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Claimsmith: organizations, users and memberships in; signed, templated access tokens
 * out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClaimsmithApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClaimsmithApplication.class, args);
	}

}
