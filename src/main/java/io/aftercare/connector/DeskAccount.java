package io.aftercare.connector;

/**
 * The organization (Zendesk) or company (Intercom) a ticket's requester belongs to, as
 * the desk names it; {@code organizationId} null when the requester has none.
 */
public record DeskAccount(String source, String organizationId, String organizationName) {

	public DeskAccount {
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("source is required");
		}
		organizationId = (organizationId == null || organizationId.isBlank() || organizationId.equals("0")) ? null
				: organizationId.trim();
		organizationName = (organizationName == null || organizationName.isBlank()) ? null : organizationName.trim();
	}

}
