package io.aftercare.reply.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpAnswerLinks;
import io.aftercare.followup.FollowUpId;
import io.aftercare.mail.InstallationSignatures;
import io.aftercare.reply.ReplySettings;

import org.springframework.stereotype.Component;

/**
 * The one-click answer links: a token names the follow-up, the answer, when it expires
 * and a random nonce, signed with an installation secret (HMAC-SHA256), so it cannot be
 * made or changed outside; the nonce is written when the answer is recorded, so each
 * token records once. The page's confirming form carries a second signature of the token,
 * made for that purpose only, so a POST must come from a page we served for it.
 */
@Component
class AnswerTokens implements FollowUpAnswerLinks {

	static final String PURPOSE = "answer-link";

	static final String CONFIRM = "answer-confirm";

	private static final Pattern TOKEN = Pattern
		.compile("(\\d{1,18})\\.([gt])\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");

	private final InstallationSignatures signatures;

	private final ReplySettings.Links settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AnswerTokens(InstallationSignatures signatures, ReplySettings settings, Clock clock) {
		this.signatures = signatures;
		this.settings = settings.links();
		this.clock = clock;
	}

	@Override
	public Optional<Links> of(FollowUp followUp) {
		if (!this.settings.enabled()) {
			return Optional.empty();
		}
		String base = this.settings.baseUrl().toString().replaceAll("/+$", "");
		return Optional.of(new Links(base + "/answer/" + token(followUp.id(), true),
				base + "/answer/" + token(followUp.id(), false)));
	}

	/** A new token for this answer of this follow-up, valid from now. */
	String token(FollowUpId followUp, boolean allGood) {
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		String claims = followUp.value() + "." + (allGood ? "g" : "t") + "."
				+ this.clock.instant().plus(this.settings.validFor()).getEpochSecond() + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		return claims + "." + this.signatures.sign(PURPOSE, claims);
	}

	/**
	 * What a token says, if it is one of ours, unaltered; expiry is the caller's to
	 * judge.
	 */
	Optional<Answer> read(String token) {
		Matcher parts = TOKEN.matcher((token != null) ? token : "");
		if (!parts.matches()) {
			return Optional.empty();
		}
		String claims = token.substring(0, token.lastIndexOf('.'));
		if (!this.signatures.verify(PURPOSE, claims, parts.group(5))) {
			return Optional.empty();
		}
		return Optional.of(new Answer(new FollowUpId(Long.parseLong(parts.group(1))), "g".equals(parts.group(2)),
				Instant.ofEpochSecond(Long.parseLong(parts.group(3))), parts.group(4)));
	}

	/** The confirming form's value for this token. */
	String confirmation(String token) {
		return this.signatures.sign(CONFIRM, token);
	}

	boolean confirms(String token, String confirmation) {
		return this.signatures.verify(CONFIRM, token, confirmation);
	}

	/** A token's claims. */
	record Answer(FollowUpId followUpId, boolean allGood, Instant expiresAt, String nonce) {

		boolean expired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

}
