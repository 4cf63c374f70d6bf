package dev.claimsmith.membership;

import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.UserService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Request parsing of the memberships API on its own (a web slice, no database): every
 * malformed body is a 4xx in the contract's error shape naming the field, and the service
 * is never called with it. The contract tests ({@code MembershipApiTest}) cover the rest
 * over real HTTP. Only this module's and {@code web/}'s MVC components are loaded; the
 * request filters and other modules' configurers stay out.
 */
@WebMvcTest(controllers = MembershipController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "dev\\.claimsmith\\.(?!membership\\.|web\\.).*", "dev\\.claimsmith\\.web\\..*Filter" }))
@AutoConfigureMockMvc(addFilters = false)
class MembershipControllerWebMvcTests {

	private static final String MEMBERSHIPS = "/user_management/organization_memberships";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MembershipService memberships;

	@MockitoBean
	UserService users;

	@MockitoBean
	OrganizationService organizations;

	@Test
	void createWithUserIdAndUserThen422NamingUserId() throws Exception {
		this.mvc.perform(post(MEMBERSHIPS).contentType(MediaType.APPLICATION_JSON)
			.content("{\"user_id\":\"user_1\",\"user\":{\"email\":\"a@example.com\"},\"organization_id\":\"org_1\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("invalid_request_parameters"))
			.andExpect(jsonPath("$.errors[0].field").value("user_id"))
			.andExpect(jsonPath("$.errors[0].code").value("mutually_exclusive"));
		verify(this.memberships, never()).create(any());
	}

	@Test
	void createWithoutOrganizationIdThen422NamingIt() throws Exception {
		this.mvc.perform(post(MEMBERSHIPS).contentType(MediaType.APPLICATION_JSON).content("{\"user_id\":\"user_1\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("organization_id"));
		verify(this.memberships, never()).create(any());
	}

	@Test
	void createWithUserNotAnObjectThen422() throws Exception {
		this.mvc
			.perform(post(MEMBERSHIPS).contentType(MediaType.APPLICATION_JSON)
				.content("{\"user\":\"jane\",\"organization_id\":\"org_1\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("user"));
		verify(this.memberships, never()).create(any());
	}

	@Test
	void createWithNonAsciiExternalIdThen422NamingIt() throws Exception {
		this.mvc
			.perform(post(MEMBERSHIPS).contentType(MediaType.APPLICATION_JSON)
				.content("{\"user_id\":\"user_1\",\"organization_id\":\"org_1\",\"external_id\":\"caf\u00e9\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("external_id"));
		verify(this.memberships, never()).create(any());
	}

	@Test
	void updateWithMalformedJsonThen422AndServiceNotCalled() throws Exception {
		this.mvc.perform(put(MEMBERSHIPS + "/om_1").contentType(MediaType.APPLICATION_JSON).content("{\"role_slug\":"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("invalid_request_parameters"));
		verify(this.memberships, never()).update(any(), any(), any());
	}

}
