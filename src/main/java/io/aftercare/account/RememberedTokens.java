package io.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The tokens this instance has checked, by key id, so that a request with a known token
 * needs no read of it: one statement fewer on every API request. Only used while this
 * instance hears every change to tokens and users ({@link CredentialNotices}): each
 * notice, and any gap in hearing them, forgets everything.
 * <p>
 * A check that read a token before a change must not remember what it read after the
 * change was heard. So each check takes a {@link #stamp()} before it reads, and what it
 * read is kept only if no change came in between; the check for that runs after the entry
 * is written, and a change counts itself before it clears, so one of the two always sees
 * the other.
 */
@Component
final class RememberedTokens {

	/** A backstop only: a change is heard within milliseconds. */
	static final Duration MAX_AGE = Duration.ofMinutes(1);

	/** More than any team's tokens; past it, start again rather than grow. */
	private static final int CAPACITY = 10_000;

	private final Map<String, Remembered> byKeyId = new ConcurrentHashMap<>();

	private final AtomicLong changes = new AtomicLong();

	private volatile boolean hearing;

	long stamp() {
		return this.changes.get();
	}

	/** The token checked under this key id less than {@link #MAX_AGE} ago, or null. */
	CheckedToken find(String keyId, Instant now) {
		Remembered remembered = this.byKeyId.get(keyId);
		if (remembered == null || !remembered.readAt().plus(MAX_AGE).isAfter(now)) {
			return null;
		}
		return remembered.token();
	}

	/** Keeps a token read after {@code stamp}, unless a change was heard since. */
	void remember(String keyId, CheckedToken token, long stamp, Instant readAt) {
		if (!this.hearing) {
			return;
		}
		if (this.byKeyId.size() >= CAPACITY) {
			this.byKeyId.clear();
		}
		Remembered remembered = new Remembered(token, readAt);
		this.byKeyId.put(keyId, remembered);
		if (!this.hearing || this.changes.get() != stamp) {
			this.byKeyId.remove(keyId, remembered);
		}
	}

	/** A token or a user changed: every instance forgets what it checked. */
	void changed() {
		this.changes.incrementAndGet();
		this.byKeyId.clear();
	}

	/** Changes are heard from now on (or, with false, may be missed from now on). */
	void hearing(boolean hearing) {
		if (!hearing) {
			this.hearing = false;
		}
		changed();
		this.hearing = hearing;
	}

	boolean hearing() {
		return this.hearing;
	}

	private record Remembered(CheckedToken token, Instant readAt) {
	}

}
