package io.aftercare.reply.message;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells replies from auto-replies and bounces. Bounces first, because delivery reports
 * carry auto-reply headers too:
 * <ul>
 * <li>RFC 3464 delivery status notifications ({@code multipart/report} with a
 * {@code message/delivery-status} part): {@code Action: failed} with a {@code 5.x.x}
 * status is hard, a {@code 4.x.x} status or {@code Action: delayed} soft; a report that
 * says delivered is an auto-reply (nothing from the customer);</li>
 * <li>the common non-standard ones, recognised by their sender (MAILER-DAEMON,
 * postmaster) or their words (qmail's "Hi. This is the qmail-send program", Exchange's
 * "Delivery has failed to these recipients", Gmail's "Delivery Status Notification
 * (Failure)", Postfix, Sendmail, Exim), hard unless the text speaks of a temporary
 * failure or a 4.x.x status.</li>
 * </ul>
 * Auto-replies by RFC 3834's {@code Auto-Submitted} (any value other than {@code no}),
 * {@code X-Autoreply}, {@code X-Autorespond}, {@code Precedence: auto_reply, bulk, junk},
 * Microsoft's {@code X-Auto-Response-Suppress} only together with an out-of-office
 * subject, and out-of-office subjects in English, German, French and Spanish.
 */
public final class MailKinds {

	private static final Pattern BOUNCE_SENDER = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon)@");

	private static final Pattern BOUNCE_SUBJECT = Pattern
		.compile("(?i)(undeliver(able|ed)|delivery (status notification|has failed|failure|failed)|"
				+ "returned mail|mail delivery (failed|failure|subsystem)|failure notice|non[- ]?delivery|"
				+ "could not be delivered|unzustellbar|nicht zustellbar|non remis|non distribué|"
				+ "no se puede entregar|no entregado|rückläufer)");

	private static final Pattern BOUNCE_TEXT = Pattern
		.compile("(?i)(this is the qmail-send program|delivery has failed to these recipients|"
				+ "the following message to .{0,80} was undeliverable|your message (wasn't|was not|could not be) delivered|"
				+ "message could not be delivered|undelivered mail returned to sender|"
				+ "this message was created automatically by mail delivery software|"
				+ "delivery to the following recipient(s)? failed|the following addresses had permanent fatal errors|"
				+ "i'm afraid i wasn't able to deliver your message|address not found|"
				+ "a message that you sent could not be delivered)");

	private static final Pattern TEMPORARY_TEXT = Pattern
		.compile("(?i)(will (continue|keep) (trying|to try)|delivery (attempt|has been) delayed|"
				+ "temporar(y|ily) (failure|error|problem)|not yet been delivered|will retry|warning: message)");

	private static final Pattern ENHANCED_STATUS = Pattern
		.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

	private static final Pattern SMTP_CODE = Pattern.compile("(?m)(?<![\\d.])([45])\\d\\d(?:[ -]|$)");

	private static final Pattern OUT_OF_OFFICE = Pattern
		.compile("(?i)(out of (the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|autorespons|"
				+ "away from (the )?(office|my desk)|away until|on (vacation|holiday|leave)|"
				+ "abwesenheitsnotiz|automatische antwort|abwesend|außer haus|nicht im büro|im urlaub|"
				+ "réponse automatique|reponse automatique|absence du bureau|absent du bureau|"
				+ "en congé|en vacances|respuesta automática|respuesta automatica|fuera de (la )?oficina|"
				+ "ausente|de vacaciones)");

	private MailKinds() {
	}

	public static Classification classify(InboundMail mail) {
		Classification bounce = bounce(mail);
		if (bounce != null) {
			return bounce;
		}
		String autoReply = autoReply(mail);
		if (autoReply != null) {
			return new Classification(MailKind.AUTO_REPLY, autoReply);
		}
		return new Classification(MailKind.REPLY, null);
	}

	private static Classification bounce(InboundMail mail) {
		if (mail.deliveryStatus() != null) {
			return fromReport(mail.deliveryStatus());
		}
		String from = (mail.from() != null) ? mail.from() : "";
		boolean byWords = BOUNCE_TEXT.matcher(mail.text()).find();
		boolean bySender = BOUNCE_SENDER.matcher(from).find();
		boolean bySubject = BOUNCE_SUBJECT.matcher(mail.subject()).find();
		if (!(byWords || (bySender && bySubject) || (bySender && !mail.returnedIds().isEmpty())
				|| (bySubject && mail.header("x-failed-recipients").length() > 0))) {
			return null;
		}
		String text = mail.text();
		Matcher status = ENHANCED_STATUS.matcher(text);
		String firstStatus = null;
		while (status.find()) {
			if (!"2".equals(status.group(1))) {
				firstStatus = status.group();
				break;
			}
		}
		boolean temporary = (firstStatus != null) ? firstStatus.startsWith("4")
				: TEMPORARY_TEXT.matcher(text).find() && !text.toLowerCase(Locale.ROOT).contains("permanent");
		String reason = reasonLine(text, firstStatus);
		return new Classification(temporary ? MailKind.SOFT_BOUNCE : MailKind.HARD_BOUNCE, reason);
	}

	/** RFC 3464: the first recipient whose action failed or was delayed decides. */
	private static Classification fromReport(String report) {
		String action = null;
		String status = null;
		String diagnostic = null;
		String recipient = null;
		boolean failed = false;
		for (String block : report.replace("\r\n", "\n").split("\n\\s*\n")) {
			String blockAction = field(block, "Action");
			if (blockAction == null) {
				continue;
			}
			String blockStatus = field(block, "Status");
			boolean blockFailed = blockAction.toLowerCase(Locale.ROOT).startsWith("failed");
			if (action == null || (blockFailed && !failed)) {
				action = blockAction.toLowerCase(Locale.ROOT);
				status = blockStatus;
				diagnostic = field(block, "Diagnostic-Code");
				recipient = field(block, "Final-Recipient");
				failed = blockFailed;
			}
		}
		if (action == null) {
			return new Classification(MailKind.HARD_BOUNCE, "a delivery report without a recipient's status");
		}
		String reason = describe(status, diagnostic, recipient);
		if (action.startsWith("delivered") || action.startsWith("relayed") || action.startsWith("expanded")) {
			return new Classification(MailKind.AUTO_REPLY, "a delivery report: " + action);
		}
		if (action.startsWith("delayed") || (status != null && status.startsWith("4"))) {
			return new Classification(MailKind.SOFT_BOUNCE, reason);
		}
		return new Classification(MailKind.HARD_BOUNCE, reason);
	}

	private static String describe(String status, String diagnostic, String recipient) {
		StringBuilder reason = new StringBuilder();
		if (recipient != null) {
			reason.append(recipient.replaceFirst("(?i)^rfc822;\\s*", "")).append(": ");
		}
		if (status != null) {
			reason.append(status);
		}
		if (diagnostic != null) {
			reason.append((status != null) ? " " : "").append(diagnostic.replaceFirst("(?i)^smtp;\\s*", ""));
		}
		return reason.toString().strip();
	}

	private static String field(String block, String name) {
		Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*(?:\\n[ \\t]+.*)*)")
			.matcher(block);
		return matcher.find() ? matcher.group(1).replaceAll("\\s+", " ").strip() : null;
	}

	/** The line of the text that says why: the one with the status, or an SMTP code. */
	private static String reasonLine(String text, String status) {
		String[] lines = text.split("\n");
		if (status != null) {
			for (String line : lines) {
				if (line.contains(status)) {
					return line.strip();
				}
			}
		}
		for (String line : lines) {
			if (SMTP_CODE.matcher(line.strip()).lookingAt() || line.toLowerCase(Locale.ROOT)
				.matches(".*(user unknown|does not exist|no such user|"
						+ "mailbox (unavailable|not found|full)|address rejected|recipient rejected).*")) {
				return line.strip();
			}
		}
		for (String line : lines) {
			if (!line.isBlank()) {
				return line.strip();
			}
		}
		return "bounced";
	}

	private static String autoReply(InboundMail mail) {
		String submitted = mail.header("auto-submitted").toLowerCase(Locale.ROOT);
		if (!submitted.isEmpty() && !submitted.startsWith("no")) {
			return "Auto-Submitted: " + submitted;
		}
		if (!mail.header("x-autoreply").isEmpty()) {
			return "X-Autoreply";
		}
		if (!mail.header("x-autorespond").isEmpty()) {
			return "X-Autorespond";
		}
		String precedence = mail.header("precedence").toLowerCase(Locale.ROOT);
		if (precedence.startsWith("auto_reply") || precedence.startsWith("bulk") || precedence.startsWith("junk")) {
			return "Precedence: " + precedence;
		}
		if (OUT_OF_OFFICE.matcher(mail.subject()).find()) {
			return "an out-of-office subject";
		}
		return null;
	}

}
