package io.aftercare.connector;

import io.aftercare.shared.Text;

/**
 * The organization (Zendesk) or company (Intercom) a ticket's requester belongs to, as
 * the desk names it; {@code organizationId} null when the requester has none.
 */
public record DeskAccount(String source, String organizationId, String organizationName) {

	/** The longest name kept (desk_accounts.name). */
	static final int MAX_NAME = 200;

	public DeskAccount {
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("source is required");
		}
		organizationId = (organizationId == null || organizationId.isBlank() || organizationId.equals("0")) ? null
				: organizationId.trim();
		if (organizationId != null && organizationId.length() > 128) {
			throw new IllegalArgumentException("organization id is longer than 128 characters");
		}
		organizationName = (organizationName == null || organizationName.isBlank()) ? null : organizationName.trim();
		// Only shown to the admin who maps the account: a desk's longer name is cut, not
		// refused with its ticket.
		if (organizationName != null && organizationName.length() > MAX_NAME) {
			organizationName = Text.cut(MAX_NAME - 1, organizationName) + "…";
		}
	}

}
