package dev.claimsmith.web;

import java.util.function.Consumer;

/**
 * A field of a partial update: absent (leave as is), explicitly {@code null} (clear) or a
 * value (set).
 *
 * @param <T> the field's type
 */
public record PatchValue<T>(boolean present, T value) {

	private static final PatchValue<?> ABSENT = new PatchValue<>(false, null);

	@SuppressWarnings("unchecked")
	public static <T> PatchValue<T> absent() {
		return (PatchValue<T>) ABSENT;
	}

	public static <T> PatchValue<T> of(T value) {
		return new PatchValue<>(true, value);
	}

	/** Runs {@code change} with the new value (possibly null) when the field was sent. */
	public void ifPresent(Consumer<T> change) {
		if (this.present) {
			change.accept(this.value);
		}
	}

}
