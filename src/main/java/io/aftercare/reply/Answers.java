package io.aftercare.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerSignals;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpAnswer;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpResponses;
import io.aftercare.mail.MessageIds;
import io.aftercare.reply.message.Classification;
import io.aftercare.reply.message.InboundMail;
import io.aftercare.reply.message.MailKind;
import io.aftercare.reply.message.MailKinds;
import io.aftercare.reply.message.QuotedText;
import io.aftercare.shared.SqlTime;
import io.aftercare.tone.ReplyKind;
import io.aftercare.tone.ReplyReader;
import io.aftercare.tone.ReplyReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what comes back from customers: each message read from a mailbox once (by its
 * Message-ID, whichever instance or reader sees it first), matched to its follow-up,
 * taken for a reply, an auto-reply or a bounce; a reply is stripped and read, a hard
 * bounce marks the follow-up bounced and the address suspect. One-click answers come in
 * here too. What it means is announced ({@link FollowUpAnswered},
 * {@link FollowUpBounced}) in the same transaction, for the modules that react.
 */
@Service
public class Answers {

	private static final Logger log = LoggerFactory.getLogger(Answers.class);

	private final JdbcClient jdbc;

	private final MessageIds messageIds;

	private final FollowUpResponses responses;

	private final CustomerBook customers;

	private final CustomerSignals signals;

	private final ReplyReader reader;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Answers(JdbcClient jdbc, MessageIds messageIds, FollowUpResponses responses, CustomerBook customers,
			CustomerSignals signals, ReplyReader reader, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.messageIds = messageIds;
		this.responses = responses;
		this.customers = customers;
		this.signals = signals;
		this.reader = reader;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Takes one message read from {@code mailbox}.
	 * @return what it was taken for; {@code DUPLICATE} when it was taken before
	 */
	@Transactional
	public Taken take(byte[] raw, String mailbox, Instant receivedAt) {
		InboundMail mail;
		try {
			mail = InboundMail.parse(raw);
		}
		catch (IllegalArgumentException ex) {
			log.warn("An unreadable message in {} was skipped: {}", mailbox, ex.getMessage());
			return Taken.UNREADABLE;
		}
		if (known(mail.messageId())) {
			return Taken.DUPLICATE;
		}
		Classification classified = MailKinds.classify(mail);
		Optional<FollowUp> followUp = match(mail, classified.kind());
		String stored = followUp.isPresent() ? classified.kind().name() : "UNMATCHED";
		int inserted = this.jdbc.sql("""
				insert into incoming_mail (message_id, mailbox, kind, followup_id, from_address, subject, detail,
				    received_at, recorded_at)
				values (:messageId, :mailbox, :kind, :followUp, :from, :subject, :detail, :receivedAt, :now)
				on conflict do nothing
				""")
			.param("messageId", cut(mail.messageId(), 320))
			.param("mailbox", cut(mailbox, 320))
			.param("kind", stored)
			.param("followUp", followUp.map((f) -> f.id().value()).orElse(null))
			// Of a message that answers none of ours (the CSM's other mail) only its
			// Message-ID is kept: enough to pass over it next time, nothing of its
			// content.
			.param("from", followUp.isPresent() ? cut(mail.from(), 320) : null)
			.param("subject", followUp.isPresent() ? cut(mail.subject(), 500) : null)
			.param("detail", followUp.isPresent() ? cut(classified.detail(), 1000) : null)
			.param("receivedAt", SqlTime.utc(receivedAt))
			.param("now", SqlTime.utc(this.clock.instant()))
			.update();
		if (inserted == 0 || followUp.isEmpty()) {
			return (inserted == 0) ? Taken.DUPLICATE : Taken.UNMATCHED;
		}
		FollowUp answered = followUp.get();
		switch (classified.kind()) {
			case REPLY -> {
				String text = QuotedText.strip(mail.text());
				ReplyReading reading = this.reader.read(text);
				record(answered, new FollowUpAnswer(receivedAt, FollowUpAnswer.Via.EMAIL, text, reading.kind().name(),
						reading.sentiment(), reading.reason()), reading.kind());
				return Taken.REPLY;
			}
			case HARD_BOUNCE -> {
				String reason = (classified.detail() != null) ? classified.detail() : "bounced";
				if (this.responses.recordBounce(answered.id(), reason, this.clock.instant())) {
					this.signals.markAddressSuspect(answered.recipient().email(), reason);
					this.events.publishEvent(new FollowUpBounced(answered.id(), answered.customerId(), owner(answered),
							answered.recipient().email(), reason, receivedAt));
				}
				return Taken.HARD_BOUNCE;
			}
			case SOFT_BOUNCE -> {
				this.responses.recordDelay(answered.id(),
						(classified.detail() != null) ? classified.detail() : "delayed", this.clock.instant());
				return Taken.SOFT_BOUNCE;
			}
			default -> {
				return Taken.AUTO_REPLY;
			}
		}
	}

	/**
	 * A one-click answer: "All good" or "Still having trouble", confirmed on its page.
	 * @return whether it was recorded (false when the follow-up holds a newer answer)
	 */
	@Transactional
	public boolean clicked(FollowUpId followUpId, boolean allGood, Instant at) {
		FollowUp followUp = this.responses.find(followUpId).orElseThrow();
		ReplyKind kind = allGood ? ReplyKind.POSITIVE : ReplyKind.STILL_BROKEN;
		return record(followUp, new FollowUpAnswer(at, FollowUpAnswer.Via.ONE_CLICK,
				allGood ? "All good" : "Still having trouble", kind.name(), allGood ? 0.5 : -0.5,
				allGood ? "clicked \"All good\" in the email" : "clicked \"Still having trouble\" in the email"), kind);
	}

	private boolean record(FollowUp followUp, FollowUpAnswer answer, ReplyKind kind) {
		if (!this.responses.recordAnswer(followUp.id(), answer, this.clock.instant())) {
			return false;
		}
		this.events.publishEvent(new FollowUpAnswered(followUp.id(), followUp.customerId(), owner(followUp), kind,
				answer.sentiment(), answer.reason(), answer.text(), answer.via(), answer.answeredAt()));
		return true;
	}

	/**
	 * The follow-up a message belongs to: the first of its thread's Message-IDs (for a
	 * bounce, also those of the message it returns) that is one of ours.
	 */
	private Optional<FollowUp> match(InboundMail mail, MailKind kind) {
		List<String> candidates = new ArrayList<>(mail.threadIds());
		if (kind != MailKind.REPLY) {
			mail.returnedIds().stream().filter((id) -> !candidates.contains(id)).forEach(candidates::add);
		}
		for (String id : candidates) {
			Optional<Long> ours = this.messageIds.followUpOf(id);
			if (ours.isPresent()) {
				Optional<FollowUp> followUp = this.responses.find(new FollowUpId(ours.get()));
				if (followUp.isPresent()) {
					return followUp;
				}
			}
		}
		return Optional.empty();
	}

	private boolean known(String messageId) {
		return this.jdbc.sql("select count(*) from incoming_mail where message_id = :id")
			.param("id", cut(messageId, 320))
			.query(Long.class)
			.single() > 0;
	}

	private String owner(FollowUp followUp) {
		Customer customer = this.customers.require(Csm.AFTERCARE, followUp.customerId());
		return this.customers.owner(customer, Csm.AFTERCARE).username();
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** What a message was taken for. */
	public enum Taken {

		REPLY, AUTO_REPLY, HARD_BOUNCE, SOFT_BOUNCE, UNMATCHED, DUPLICATE, UNREADABLE

	}

}
