package io.aftercare.customer;

/**
 * Commercial tier of a customer; larger tiers warrant a more personal follow-up.
 */
public enum CustomerTier {

	SMB, MID_MARKET, ENTERPRISE, STRATEGIC;

	public String label() {
		return switch (this) {
			case SMB -> "SMB";
			case MID_MARKET -> "Mid-market";
			case ENTERPRISE -> "Enterprise";
			case STRATEGIC -> "Strategic";
		};
	}

}
