package io.aftercare.ticket;

import io.aftercare.shared.Text;

import java.time.Instant;

/**
 * A comment on a ticket. {@code externalId} identifies it in its desk; when a file import
 * has none, one is derived from its content so that a re-import stays idempotent.
 */
public record TicketComment(String externalId, CommentAuthor author, String authorName, boolean publicComment,
		String body, Instant createdAt) {

	/** The longest comment body, as long as the longest ticket description. */
	public static final int MAX_BODY_LENGTH = TicketRecord.MAX_DESCRIPTION_LENGTH;

	public TicketComment {
		if (author == null) {
			throw new IllegalArgumentException("comment author kind is required");
		}
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("comment body is required");
		}
		if (createdAt == null) {
			throw new IllegalArgumentException("comment createdAt is required");
		}
		Text.atMost(MAX_BODY_LENGTH, "comment body", body);
		Text.atMost(200, "comment authorName", authorName);
		if (externalId == null || externalId.isBlank()) {
			externalId = "sha256:" + sha256(author + "|" + createdAt + "|" + body);
		}
		if (externalId.length() > 128) {
			throw new IllegalArgumentException("comment external id is longer than 128 characters");
		}
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
