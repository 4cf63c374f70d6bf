package dev.claimsmith.auth0;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;

/**
 * Auth0's error envelope: {@code {"statusCode":404,"error":"Not Found","message":…,
 * "errorCode":"inexistent_user"}} (camelCase, unlike the rest of the wire).
 */
record Auth0Error(@JsonProperty("statusCode") int statusCode, @JsonProperty("error") String error,
		@JsonProperty("message") String message, @JsonProperty("errorCode") String errorCode) {

	static Auth0Error of(HttpStatus status, String message, String errorCode) {
		return new Auth0Error(status.value(), status.getReasonPhrase(), message, errorCode);
	}

}
