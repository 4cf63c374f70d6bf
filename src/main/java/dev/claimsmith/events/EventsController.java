package dev.claimsmith.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.ListRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /events} (WorkOS wire), in commit order only: a feed is read forwards from
 * the last event seen ({@code after}), so {@code before} and a descending order are
 * refused. {@code list_metadata.after} is non-null exactly when more events follow.
 */
@RestController
class EventsController {

	private static final int MAX_CURSOR_LENGTH = 64;

	private final EventFeed feed;

	EventsController(EventFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/events", produces = "application/json")
	EventList list(@RequestParam(required = false) List<String> events,
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@RequestParam(name = "range_start", required = false) String rangeStart,
			@RequestParam(name = "range_end", required = false) String rangeEnd,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		List<String> names = eventNames(events, errors);
		Instant start = instant("range_start", rangeStart, errors);
		Instant end = instant("range_end", rangeEnd, errors);
		if (before != null && !before.isEmpty()) {
			errors.add(new ApiError.FieldError("before", "invalid_cursor",
					"Events are read forwards in commit order: page with after."));
		}
		if (order != null && !order.equals("asc") && !order.equals("normal")) {
			errors.add(new ApiError.FieldError("order", "invalid_order", "Events are listed in commit order (asc)."));
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalidParameters(errors);
		}
		int pageSize = ListRequest.of(limit, null, null, null).limit();
		long afterPosition = afterPosition(after);
		EventFeed.EventQuery query = new EventFeed.EventQuery(names, blankToNull(organizationId), start, end);
		List<EventFeed.StoredEvent> found = this.feed.page(query, afterPosition, pageSize + 1);
		List<EventFeed.StoredEvent> page = found.subList(0, Math.min(pageSize, found.size()));
		String next = (found.size() > pageSize) ? page.get(page.size() - 1).id() : null;
		return new EventList("list", page.stream().map(EventResponse::of).toList(), new ListMetadata(next));
	}

	private static List<String> eventNames(List<String> events, List<ApiError.FieldError> errors) {
		if (events == null) {
			return List.of();
		}
		List<String> names = events.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.distinct()
			.toList();
		List<String> unknown = names.stream().filter((name) -> !ChangeEvent.NAMES.contains(name)).toList();
		if (!unknown.isEmpty()) {
			errors.add(new ApiError.FieldError("events", "invalid_event", "Unknown event names " + unknown
					+ "; known are " + ChangeEvent.NAMES.stream().sorted().toList() + "."));
		}
		return names;
	}

	private static Instant instant(String name, String value, List<ApiError.FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(new ApiError.FieldError(name, "invalid_timestamp",
					name + " must be an ISO-8601 timestamp with offset, such as 2026-11-23T10:15:30.123Z."));
			return null;
		}
	}

	private long afterPosition(String after) {
		if (after == null || after.isEmpty()) {
			return 0;
		}
		if (after.length() > MAX_CURSOR_LENGTH || !after.startsWith("event_")) {
			throw ApiException.invalidParameter("after", "invalid_cursor", "after must be an event id (event_…).");
		}
		return this.feed.positionOf(after)
			.orElseThrow(() -> ApiException.invalidParameter("after", "invalid_cursor",
					"No event '" + after + "': it never existed or is past its retention."));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	record EventList(String object, List<EventResponse> data, ListMetadata listMetadata) {
	}

	record ListMetadata(String after) {
	}

	/** The event object; {@code data} is stored as the API's JSON and sent as is. */
	record EventResponse(String object, String id, String event, @JsonRawValue String data, String createdAt) {

		static EventResponse of(EventFeed.StoredEvent stored) {
			return new EventResponse("event", stored.id(), stored.event(), stored.data(),
					Timestamps.format(stored.createdAt()));
		}

	}

}
