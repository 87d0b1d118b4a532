package io.aftercare.followup;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the receiving side tells about a sent follow-up: the customer's answer, or the
 * email bounced. Called by whoever reads the answers (no CSM is signed in then); the
 * follow-up keeps what it was told, and the caller announces what it means.
 */
@Service
public class FollowUpResponses {

	private final FollowUps followUps;

	FollowUpResponses(FollowUps followUps) {
		this.followUps = followUps;
	}

	/** The follow-up, whoever owns it: for matching a message to it. */
	@ReadOnly
	public Optional<FollowUp> find(FollowUpId id) {
		return this.followUps.find(id);
	}

	/**
	 * Records the customer's answer on a sent follow-up.
	 * @return whether it was recorded: false when the follow-up was not sent, or already
	 * holds this answer or a newer one
	 */
	@Transactional
	public boolean recordAnswer(FollowUpId id, FollowUpAnswer answer, Instant now) {
		return told(id, (followUp) -> followUp.answered(answer), now);
	}

	/**
	 * Records that the sent email was delayed on its way, with the receiving server's
	 * reason; it keeps trying.
	 * @return whether it was recorded (false unless sent and not yet answered, bounced or
	 * delayed)
	 */
	@Transactional
	public boolean recordDelay(FollowUpId id, String reason, Instant now) {
		return told(id, (followUp) -> followUp.delayed(reason), now);
	}

	/**
	 * Records that the sent email bounced for good, with the receiving server's reason.
	 * @return whether it was recorded (false when not sent, or already bounced)
	 */
	@Transactional
	public boolean recordBounce(FollowUpId id, String reason, Instant now) {
		return told(id, (followUp) -> followUp.bounced(reason), now);
	}

	/** Tells the follow-up what came back, and stores it if it took it. */
	private boolean told(FollowUpId id, Predicate<FollowUp> tell, Instant now) {
		FollowUp followUp = this.followUps.find(id).orElseThrow(() -> new FollowUpNotFoundException(id));
		if (!tell.test(followUp)) {
			return false;
		}
		this.followUps.update(followUp, now);
		return true;
	}

}
