package io.aftercare.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;

import io.aftercare.ticket.TicketPriority;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The numbers behind {@link ImpactRules}, bound from {@code aftercare.assessment.*}.
 * Every property has a default, so none has to be set.
 *
 * @param expectedResolution how long a ticket of each priority should take
 * @param weights points each factor adds to the score
 * @param thresholds the scores at which a follow-up becomes moderate or major
 * @param notableHealthDrop health points lost that count as notable
 * @param severeHealthDrop health points lost that count as severe
 * @param manyStakeholders people on the customer side from which a ticket counts as
 * widely felt
 * @param repeatTickets tickets resolved within {@code repeatWindow} from which a
 * follow-up is at least moderate
 * @param repeatWindow how far back from a ticket's resolution resolved tickets count
 * towards {@code repeatTickets}
 * @param relatedWindow how far back from a ticket's resolution other tickets on the same
 * problem count as related
 * @param recentWindow how far back a ticket counts as recent: the resolved tickets a
 * follow-up may be about when the CSM names none, and the chat's recent tickets
 * @param healthLag how long after the resolution a health drop still counts against the
 * ticket: scores lag behind events
 * @param highArr annual recurring revenue from which a customer counts as high value
 * @param majorReminder when to check in again after a major follow-up
 * @param moderateReminder when to check in again after a moderate follow-up
 */
@ConfigurationProperties("aftercare.assessment")
public record AssessmentSettings(@DefaultValue ExpectedResolution expectedResolution, @DefaultValue Weights weights,
		@DefaultValue Thresholds thresholds, @DefaultValue("3") int notableHealthDrop,
		@DefaultValue("5") int severeHealthDrop, @DefaultValue("3") int manyStakeholders,
		@DefaultValue("3") int repeatTickets, @DefaultValue("30d") Duration repeatWindow,
		@DefaultValue("30d") Duration relatedWindow, @DefaultValue("90d") Duration recentWindow,
		@DefaultValue("7d") Duration healthLag, @DefaultValue("100000") BigDecimal highArr,
		@DefaultValue("7d") Period majorReminder, @DefaultValue("14d") Period moderateReminder) {

	public AssessmentSettings {
		Assert.notNull(expectedResolution, "Expected resolution times must not be null");
		Assert.notNull(weights, "Weights must not be null");
		Assert.notNull(thresholds, "Thresholds must not be null");
		Assert.isTrue(notableHealthDrop > 0, "Notable health drop must be positive");
		Assert.isTrue(severeHealthDrop >= notableHealthDrop,
				"Severe health drop must be at least the notable health drop");
		Assert.isTrue(manyStakeholders > 0, "Many stakeholders must be positive");
		Assert.isTrue(repeatTickets > 0, "Repeat tickets must be positive");
		assertPositive(repeatWindow, "Repeat window");
		assertPositive(relatedWindow, "Related window");
		assertPositive(recentWindow, "Recent window");
		Assert.isTrue(healthLag != null && !healthLag.isNegative(), "Health lag must not be negative");
		Assert.isTrue(highArr != null && highArr.signum() >= 0, "High ARR must not be negative");
		assertPositive(majorReminder, "Major reminder");
		assertPositive(moderateReminder, "Moderate reminder");
	}

	/**
	 * The settings used when no property is set.
	 * @return the default settings
	 */
	public static AssessmentSettings defaults() {
		// Bound from nothing, so the defaults are declared once, in the @DefaultValue
		// annotations, and cannot drift from what the application gets.
		return new Binder().bindOrCreate("aftercare.assessment", AssessmentSettings.class);
	}

	private static void assertPositive(Period period, String name) {
		Assert.isTrue(period != null && !period.isZero() && !period.isNegative(), name + " must be positive");
	}

	private static void assertPositive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isZero() && !duration.isNegative(), name + " must be positive");
	}

	/**
	 * How long a ticket of each priority should take to resolve; longer counts against
	 * the support experience.
	 *
	 * @param low for a low-priority ticket
	 * @param normal for a normal-priority ticket
	 * @param high for a high-priority ticket
	 * @param urgent for an urgent ticket
	 */
	public record ExpectedResolution(@DefaultValue("5d") Duration low, @DefaultValue("3d") Duration normal,
			@DefaultValue("2d") Duration high, @DefaultValue("1d") Duration urgent) {

		public ExpectedResolution {
			assertPositive(low, "Expected resolution of a low-priority ticket");
			assertPositive(normal, "Expected resolution of a normal-priority ticket");
			assertPositive(high, "Expected resolution of a high-priority ticket");
			assertPositive(urgent, "Expected resolution of an urgent ticket");
		}

		/**
		 * How long a ticket of the given priority should take.
		 * @param priority the ticket's priority
		 * @return the expected resolution time
		 */
		public Duration of(TicketPriority priority) {
			return switch (priority) {
				case LOW -> this.low;
				case NORMAL -> this.normal;
				case HIGH -> this.high;
				case URGENT -> this.urgent;
			};
		}

	}

	/**
	 * Points each factor adds to a ticket's score. A low-priority ticket and a neutral or
	 * positive tone add nothing.
	 *
	 * @param normalPriority a normal-priority ticket
	 * @param highPriority a high-priority ticket
	 * @param urgentPriority an urgent ticket
	 * @param slowResolution open longer than expected for its priority
	 * @param verySlowResolution open at least twice as long as expected (instead of
	 * {@code slowResolution})
	 * @param escalation escalated by support
	 * @param reopen each time the customer reopened it
	 * @param notableHealthDrop health dropped by a notable amount
	 * @param severeHealthDrop health dropped by a severe amount (instead of
	 * {@code notableHealthDrop})
	 * @param manyStakeholders many people on the customer side involved
	 * @param relatedTickets other tickets about the same problem recently
	 * @param frustratedTone the customer sounded frustrated
	 * @param angryTone the customer sounded angry
	 * @param enterpriseTier an enterprise customer
	 * @param strategicTier a strategic customer
	 * @param highArr a customer with high annual recurring revenue
	 */
	public record Weights(@DefaultValue("1") int normalPriority, @DefaultValue("2") int highPriority,
			@DefaultValue("4") int urgentPriority, @DefaultValue("1") int slowResolution,
			@DefaultValue("3") int verySlowResolution, @DefaultValue("2") int escalation, @DefaultValue("2") int reopen,
			@DefaultValue("1") int notableHealthDrop, @DefaultValue("3") int severeHealthDrop,
			@DefaultValue("2") int manyStakeholders, @DefaultValue("2") int relatedTickets,
			@DefaultValue("2") int frustratedTone, @DefaultValue("4") int angryTone,
			@DefaultValue("1") int enterpriseTier, @DefaultValue("2") int strategicTier,
			@DefaultValue("1") int highArr) {

		public Weights {
			// Negative weights would let one factor hide another, and the reasons would
			// then list things that lowered the level as if they had raised it.
			for (int weight : new int[] { normalPriority, highPriority, urgentPriority, slowResolution,
					verySlowResolution, escalation, reopen, notableHealthDrop, severeHealthDrop, manyStakeholders,
					relatedTickets, frustratedTone, angryTone, enterpriseTier, strategicTier, highArr }) {
				Assert.isTrue(weight >= 0, "Weights must not be negative");
			}
		}

	}

	/**
	 * Scores at which a follow-up stops being a simple acknowledgment.
	 *
	 * @param moderate the score from which a follow-up is {@link FollowUpLevel#MODERATE}
	 * @param major the score from which a follow-up is {@link FollowUpLevel#MAJOR}
	 */
	public record Thresholds(@DefaultValue("3") int moderate, @DefaultValue("7") int major) {

		public Thresholds {
			Assert.isTrue(moderate > 0, "Moderate threshold must be positive");
			Assert.isTrue(major > moderate, "Major threshold must be above the moderate threshold");
		}

	}

}
