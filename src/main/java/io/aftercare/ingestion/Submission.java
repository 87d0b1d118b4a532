package io.aftercare.ingestion;

/**
 * One record of a batch as it arrived, at its 0-based {@code index}: either readable
 * {@code data}, or, when it could not even be read (not JSON, a date that is no date),
 * the {@code reason} it is rejected for and whatever {@code key} could be made out.
 */
public record Submission<T>(int index, T data, String key, String reason) {

	public Submission {
		if (index < 0) {
			throw new IllegalArgumentException("index must not be negative");
		}
		if ((data == null) == (reason == null)) {
			throw new IllegalArgumentException("a submission has either data or a reason it is unreadable");
		}
	}

	public static <T> Submission<T> of(int index, T data) {
		return new Submission<>(index, data, null, null);
	}

	public static <T> Submission<T> unreadable(int index, String key, String reason) {
		return new Submission<>(index, null, key, reason);
	}

	public boolean readable() {
		return this.data != null;
	}

}
