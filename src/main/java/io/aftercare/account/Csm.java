package io.aftercare.account;

/**
 * The signed-in Customer Success Manager on whose behalf a request runs. An admin sees
 * every customer; everyone else sees the customers they own.
 */
public record Csm(String username, String displayName, String email, String phone, boolean admin) {

	/**
	 * Aftercare itself, for the work nobody in particular asked for (settling an
	 * interrupted send, reacting to an event): sees every customer, signs nothing.
	 */
	public static final Csm AFTERCARE = new Csm("aftercare", "Aftercare", null, null, true);

	public Csm {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("username is required");
		}
		if (displayName == null || displayName.isBlank()) {
			displayName = username;
		}
	}

	/** Whether this CSM may see a customer owned by {@code ownerUsername}. */
	public boolean maySee(String ownerUsername) {
		return this.admin || this.username.equals(ownerUsername);
	}

	/** The owner to filter by, or {@code null} when this CSM sees everything. */
	public String ownerFilter() {
		return this.admin ? null : this.username;
	}

}
