package dev.claimsmith.web;

import java.util.List;

/**
 * The contract's list envelope: {@code {"object":"list","data":[…],"list_metadata":{…}}}.
 *
 * @param <T> the element type
 */
public record ListResponse<T>(String object, List<T> data, ListMetadata listMetadata) {

	public ListResponse(List<T> data, ListMetadata listMetadata) {
		this("list", data, listMetadata);
	}

	/** Cursors: {@code after} is non-null exactly when more items follow the page. */
	public record ListMetadata(String before, String after) {
	}

}
