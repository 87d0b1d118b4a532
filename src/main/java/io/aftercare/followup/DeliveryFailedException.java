package io.aftercare.followup;

import java.util.Map;

import io.aftercare.shared.UpstreamFailedException;

/**
 * The mail transport refused the email. The follow-up stays approved and can be sent
 * again.
 */
public class DeliveryFailedException extends UpstreamFailedException {

	private final FollowUpId followUpId;

	DeliveryFailedException(FollowUpId followUpId, String message, Throwable cause) {
		super("delivery-failed", "Email not sent", message, cause);
		this.followUpId = followUpId;
	}

	public FollowUpId followUpId() {
		return this.followUpId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("followUpId", this.followUpId.value());
	}

}
