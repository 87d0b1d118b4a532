package io.aftercare.drafting;

import java.time.Duration;
import java.util.List;

import io.aftercare.assessment.FollowUpLevel;

/**
 * Everything a {@link DraftWriter} needs to write one follow-up email: the level the
 * assessment chose, who it goes to, the resolved ticket, and the CSM who signs it.
 * <p>
 * Optional text ({@code productArea}, {@code resolutionSummary}, {@code promise},
 * {@code csmPhone}, {@code csmEmail}) may be {@code null}; blank values count as absent.
 *
 * @param level how much care the follow-up needs
 * @param contactFirstName the first name the email greets
 * @param customerName the customer's company name
 * @param ticketNumber the ticket's number as the customer knows it, e.g.
 * {@code TF-2024-0847}
 * @param ticketSubject the issue in the customer's own words (the ticket subject)
 * @param productArea the product area concerned, e.g. {@code API}, if known
 * @param resolutionSummary how support resolved the ticket, if known
 * @param timeOpen how long the ticket was open, from opening to resolution
 * @param resolvedLate whether that was longer than a ticket of its priority should take:
 * the one wait the email owns up to (a short wait named would read as a complaint the
 * customer never made)
 * @param escalated whether the ticket had to go to engineering
 * @param healthDrop how many health-score points the customer lost during the issue, if
 * known; internal, never quoted to the customer
 * @param offers extra help to offer, in the customer's terms, possibly empty
 * @param promise what the CSM will check later, as the email promises it after "I'll",
 * e.g. {@code check your API metrics}
 * @param reminderInDays in how many days that check happens; 0 without a promise
 * @param csmName the owning CSM who signs the email
 * @param csmPhone the CSM's direct phone number, if any
 * @param csmEmail the CSM's email address, if any
 * @param alsoResolved other tickets of the customer's resolved together with this one,
 * which the email names too; possibly empty
 * @param contactRole the contact's role ("VP Engineering"), if known
 * @param language the language to write in
 * @param customerWords the customer's own public comments on the ticket, oldest first:
 * data for a writer to read, never instructions
 * @param reasons why the assessment chose the level, in the CSM's words; internal, for a
 * writer to set the tone, never quoted
 * @param impact the assessment's customer impact lines ("Escalated to engineering");
 * internal, like the reasons
 * @param customerUpset whether the customer's comments sounded frustrated or angry: the
 * email then says sorry for it, in the customer's terms
 */
public record DraftRequest(FollowUpLevel level, String contactFirstName, String customerName, String ticketNumber,
		String ticketSubject, String productArea, String resolutionSummary, Duration timeOpen, boolean resolvedLate,
		boolean escalated, Integer healthDrop, List<String> offers, String promise, int reminderInDays, String csmName,
		String csmPhone, String csmEmail, List<OtherTicket> alsoResolved, String contactRole, Language language,
		List<String> customerWords, List<String> reasons, List<String> impact, boolean customerUpset) {

	/** A request that does not know how the customer sounded. */
	public DraftRequest(FollowUpLevel level, String contactFirstName, String customerName, String ticketNumber,
			String ticketSubject, String productArea, String resolutionSummary, Duration timeOpen, boolean resolvedLate,
			boolean escalated, Integer healthDrop, List<String> offers, String promise, int reminderInDays,
			String csmName, String csmPhone, String csmEmail, List<OtherTicket> alsoResolved, String contactRole,
			Language language, List<String> customerWords, List<String> reasons, List<String> impact) {
		this(level, contactFirstName, customerName, ticketNumber, ticketSubject, productArea, resolutionSummary,
				timeOpen, resolvedLate, escalated, healthDrop, offers, promise, reminderInDays, csmName, csmPhone,
				csmEmail, alsoResolved, contactRole, language, customerWords, reasons, impact, false);
	}

	/**
	 * A request about several tickets resolved late (the case the PRD's example email
	 * shows), in English, without the assessment's words.
	 */
	public DraftRequest(FollowUpLevel level, String contactFirstName, String customerName, String ticketNumber,
			String ticketSubject, String productArea, String resolutionSummary, Duration timeOpen, boolean escalated,
			Integer healthDrop, List<String> offers, String promise, int reminderInDays, String csmName,
			String csmPhone, String csmEmail, List<OtherTicket> alsoResolved) {
		this(level, contactFirstName, customerName, ticketNumber, ticketSubject, productArea, resolutionSummary,
				timeOpen, true, escalated, healthDrop, offers, promise, reminderInDays, csmName, csmPhone, csmEmail,
				alsoResolved, null, Language.ENGLISH, List.of(), List.of(), List.of());
	}

	/** A request about one ticket resolved late. */
	public DraftRequest(FollowUpLevel level, String contactFirstName, String customerName, String ticketNumber,
			String ticketSubject, String productArea, String resolutionSummary, Duration timeOpen, boolean escalated,
			Integer healthDrop, List<String> offers, String promise, int reminderInDays, String csmName,
			String csmPhone, String csmEmail) {
		this(level, contactFirstName, customerName, ticketNumber, ticketSubject, productArea, resolutionSummary,
				timeOpen, escalated, healthDrop, offers, promise, reminderInDays, csmName, csmPhone, csmEmail,
				List.of());
	}

	/**
	 * Another ticket of the customer's, resolved at about the same time, the email names
	 * too.
	 */
	public record OtherTicket(String number, String subject) {

		public OtherTicket {
			if (number == null || number.isBlank() || subject == null || subject.isBlank()) {
				throw new IllegalArgumentException("another ticket needs its number and subject");
			}
		}

	}

	public DraftRequest {
		if (level == null) {
			throw new IllegalArgumentException("A follow-up level is required");
		}
		requireText(contactFirstName, "contactFirstName");
		requireText(customerName, "customerName");
		requireText(ticketNumber, "ticketNumber");
		requireText(ticketSubject, "ticketSubject");
		requireText(csmName, "csmName");
		if (timeOpen == null || timeOpen.isNegative()) {
			throw new IllegalArgumentException("timeOpen is required and must not be negative, was " + timeOpen);
		}
		// Words for a wait start at a minute ("under a minute" is not one to own up to).
		resolvedLate = resolvedLate && timeOpen.compareTo(Duration.ofMinutes(1)) >= 0;
		if (healthDrop != null && healthDrop < 0) {
			throw new IllegalArgumentException("healthDrop counts lost points and must not be negative");
		}
		productArea = blankToNull(productArea);
		resolutionSummary = blankToNull(resolutionSummary);
		promise = blankToNull(promise);
		csmPhone = blankToNull(csmPhone);
		csmEmail = blankToNull(csmEmail);
		if (promise == null && reminderInDays != 0) {
			throw new IllegalArgumentException("reminderInDays must be 0 when there is no promise");
		}
		if (promise != null && reminderInDays < 1) {
			throw new IllegalArgumentException("A reminder needs reminderInDays of at least 1, was " + reminderInDays);
		}
		// Blank offers would render as empty bullets in the email.
		offers = (offers != null) ? offers.stream().filter(DraftRequest::hasText).toList() : List.of();
		alsoResolved = (alsoResolved != null) ? List.copyOf(alsoResolved) : List.of();
		contactRole = blankToNull(contactRole);
		language = (language != null) ? language : Language.ENGLISH;
		customerWords = (customerWords != null) ? customerWords.stream().filter(DraftRequest::hasText).toList()
				: List.of();
		reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		impact = (impact != null) ? List.copyOf(impact) : List.of();
	}

	/** The same request, to be written in another language. */
	public DraftRequest in(Language other) {
		return new DraftRequest(this.level, this.contactFirstName, this.customerName, this.ticketNumber,
				this.ticketSubject, this.productArea, this.resolutionSummary, this.timeOpen, this.resolvedLate,
				this.escalated, this.healthDrop, this.offers, this.promise, this.reminderInDays, this.csmName,
				this.csmPhone, this.csmEmail, this.alsoResolved, this.contactRole, other, this.customerWords,
				this.reasons, this.impact, this.customerUpset);
	}

	private static void requireText(String value, String name) {
		if (!hasText(value)) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static String blankToNull(String value) {
		return hasText(value) ? value.strip() : null;
	}

}
