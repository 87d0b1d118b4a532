package io.aftercare.assessment;

import org.springframework.util.Assert;

/**
 * How much personal attention a resolved ticket calls for, from a simple acknowledgment
 * to repairing the relationship. Declared in increasing order.
 */
public enum FollowUpLevel {

	MINOR("Simple acknowledgment"),

	MODERATE("Satisfaction check"),

	MAJOR("Relationship repair");

	private final String label;

	FollowUpLevel(String label) {
		this.label = label;
	}

	/** What the level means to a CSM ("Satisfaction check"). */
	public String label() {
		return this.label;
	}

	/**
	 * The higher of this level and the other one.
	 * @param other the level to compare with
	 * @return this level, raised to {@code other} if that one is higher
	 */
	public FollowUpLevel atLeast(FollowUpLevel other) {
		Assert.notNull(other, "Other level must not be null");
		return (compareTo(other) >= 0) ? this : other;
	}

}
