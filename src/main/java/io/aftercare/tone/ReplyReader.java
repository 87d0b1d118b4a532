package io.aftercare.tone;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads a customer's reply to a follow-up: all good, still broken, frustrated, wants a
 * call, or other, with the reason in one short sentence for the CSM. The caller passes
 * the reply's own words, without quoted history or signature.
 * <p>
 * Cue phrases decide the kind ("still failing", "can we get on a call", "unacceptable",
 * "works now"); the {@link SentimentAnalyzer}'s score breaks ties and reads what no cue
 * names. Where a reply says both that something was fixed and that something is broken,
 * whatever it says last counts: "it was failing all week, but now it works" is good news,
 * "thanks, it works now, but the export fails" is not. A problem outranks a wish for a
 * call, which the reason then mentions too.
 * <p>
 * The reason quotes the customer's words: show it escaped, like any customer text.
 * Thread-safe and stateless.
 */
@Component
public final class ReplyReader {

	/** Below this compound score a reply that names no cue reads as upset. */
	private static final double UPSET = -0.6;

	/** From this compound score a reply that names no cue reads as content. */
	private static final double CONTENT = 0.3;

	/** How much of the customer's sentence a reason quotes. */
	private static final int QUOTE_LENGTH = 80;

	// Automatic answers: out-of-office notes and ticket acknowledgements, in the
	// languages customers most often set them in. The caller recognises most by their
	// headers; these catch the ones that arrive looking like a person's mail.
	private static final Pattern AUTOMATIC = cues("out[ -]of[ -](the )?office", "auto(matic)?[- ]?(reply|response)",
			"automatic(ally)? (sent|generated)",
			"on (annual |parental |sick |maternity |paternity )?(vacation|holidays?|leave)",
			"limited access to (my )?e-?mail", "(until|till|when|after) i return", "upon my return",
			"back in the office", "(mailbox|inbox|address) is (not|no longer) (monitored|in use)",
			"(message|e-?mail|ticket|request) has been received", "(will|'ll) get back to you (shortly|soon|as soon)",
			"do not reply to this", "nicht im büro", "abwesend", "außer haus", "absente? du bureau", "en congés?",
			"en vacances", "fuera de la oficina", "de vacaciones", "niet op kantoor", "afwezig", "fuori ufficio",
			"fora do escritório");

	// Anger, impatience and escalation; threats to leave are ChurnThreats'.
	private static final Pattern ANGRY = cues("frustrat\\w*", "unacceptable", "not acceptable", "ridiculous", "absurd",
			"furious", "outrage\\w*", "angry", "annoy\\w*", "fed up", "sick (and tired )?of", "tired of", "had enough",
			"waste of (my |our )?(time|money)", "wasted (my|our) (time|day|week)", "(a|total|complete) joke", "worst",
			"terrible", "horrible", "awful", "useless", "pathetic", "disgrace\\w*", "disappoint\\w*",
			"(a |our |my )?refund", "how (many|much longer|long) (more )?(times|time|days|weeks) ",
			"for the (second|third|fourth|fifth|\\d+(st|nd|rd|th)) time",
			"(still )?(no one|nobody|noone) (has )?(answer\\w*|respon\\w*|repl\\w*|got back|gotten back|called)",
			"still (no answer|no reply|no response|waiting)", "thanks for nothing", "keeps happening", "wtf", "painful",
			"(took|taking|takes) (way |far |much )?too long", "unhappy", "not (happy|impressed|ok|okay|good enough)",
			"poor (service|support|experience|communication)", "escalat\\w*",
			"(speak|talk) (to|with) (your |a |the )?(manager|supervisor|boss|ceo|cto|someone senior|head of)");

	// The problem outlived the fix, came back, or the fix did nothing.
	private static final Pattern STILL_BROKEN = cues(
			"still\\b[^.!?]{0,40}?\\b(fail\\w*|broken|break\\w*|not|\\w+n't|no longer|errors?|crash\\w*|down|slow|stuck"
					+ "|happen\\w*|seeing|see|get|getting|occur\\w*|an? (issue|problem|bug)|the same|there|wrong"
					+ "|missing|timing out|times out|hang\\w*|doesn't|isn't|won't|can't)",
			"still no\\b",
			"(isn't|is not|aren't|are not|wasn't|was not|hasn't been|has not been|haven't been|not) (yet |really |quite "
					+ "|fully |completely |entirely )?(fixed|resolved|solved|sorted|working|fine|better|right)",
			"(doesn't|does not|don't|do not|didn't|did not|won't|will not|can't|cannot) (seem to |really |quite )?"
					+ "(work|help|fix|solve|resolve|change|load|sync|open|save|connect|start|run|do the trick"
					+ "|make a difference)",
			"(can't|cannot|can not|unable to|not able to) (log ?in|sign ?in|access|open|load|save|connect|export"
					+ "|import|sync|send|use)",
			"(unfortunately|sadly|afraid) (not|no)\\b", "(stopped|stops) working", "(came|comes|coming) back",
			"re-?appear\\w*", "re-?occurr?\\w*", "recurr\\w*", "resurfac\\w*",
			"(fail\\w*|broke|broken|crash\\w*|happen\\w*|down|stuck|error\\w*) again",
			"same (error|issue|problem|bug|behaviou?r|result|thing)",
			"keeps? (fail\\w*|crash\\w*|happen\\w*|break\\w*|dropping|timing out|freezing|logging)", "persists?",
			"no (change|difference|luck|improvement)", "nothing (has )?changed", "not (any )?better", "re-?open",
			"another (outage|bug|error|crash|failure|incident)",
			"(need|want|waiting for) (a |the )?(real|proper|permanent|actual|lasting) (fix|solution)");

	// A problem named without a cue: it counts only in a sentence that reads negative,
	// and not after "no" or "without" ("no errors since").
	private static final Pattern PROBLEM = cues("(?<!no )(?<!no more )(?<!without )(?<!zero )(?<!any )"
			+ "(fail\\w*|broken|errors?|crash\\w*|bugs?|outages?|down|not working|doesn't work|timing out|times out"
			+ "|timeouts?|stuck|unusable|issues?|problems?|slow|missing|wrong)");

	private static final Pattern RESOLVED = cues("all (good|set|sorted|fine|working)",
			"(works|working|worked) (now|fine|again|great|perfectly|well|like a charm|as expected|as it should)",
			"(now it|it now|now everything|everything now) works",
			"(it|that|this|fix|patch|update|change|everything|all) works\\b",
			"(is|it's|are|was|has been|have been|got|all|now|seems?) (now )?(fixed|resolved|solved|sorted)",
			"problem solved", "(that )?(fixed|resolved|solved) (it|the (issue|problem))", "did the trick",
			"back to normal", "up and running", "looks? (good|great|fine|perfect)",
			"(is|are|seems?|all|looks?) (fine|good|great|perfect) now",
			"no (more |further )?(issues|problems|errors|crashes|complaints|trouble)",
			"(haven't|have not|hasn't|has not|didn't|did not|no longer) (seen|had|noticed|experienced|gotten|got"
					+ "|encountered|run into)( any| the| this| that)? (issues?|problems?|errors?|crash\\w*|bugs?|trouble)",
			"(issue|problem|error|crash|bug) (hasn't|has not|didn't|did not|never) (come back|returned|reappeared"
					+ "|happened again|recurred)",
			"(errors?|issues?|problems?|bugs?|crash\\w*) (is |are |has |have )?(now )?(gone|disappeared|went away)",
			"(can|may|feel free to|go ahead and) close", "(glad|happy) (with|now)",
			"thank(s| you)[^.!?]{0,30}(fix|sort|resolv|solv|quick)");

	private static final Pattern CALL = cues(
			"(get|hop|jump|be|have|schedule|set up|book|arrange|organi[sz]e) (on )?(a |an )?(quick |short |brief )?"
					+ "(call|meeting|phone call|video call|zoom|chat)",
			"(give|call) (me|us) (a |back)", "call (me|us)\\b", "phone (me|us)",
			"(talk|speak|chat|meet) (to|with) (you|someone|somebody|a person|a human|an engineer|your)",
			"(can|could|shall) we (talk|speak|meet|chat)", "(a |quick |short )call (would|could|might)",
			"(appreciate|like|want|love|need|prefer) (a |to have a |to set up a |to schedule a )?(quick |short )?"
					+ "(call|meeting)",
			"(call|meeting) to (discuss|go over|walk through|talk)",
			"(need|want|would like|'d like) to (talk|speak|meet)", "(zoom|teams|google meet|meet) (link|call|invite)",
			"my (phone )?number is");

	// "No need for a call", "we don't need a call": the opposite of a wish for one.
	private static final Pattern NO_CALL = cues("no need (for|to)[^.!?]{0,20}(call|meet|talk)",
			"(don't|do not|doesn't) need (a |to )[^.!?]{0,20}(call|meet|talk)");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

	private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{2,}\\b");

	private static final Pattern WORD = Pattern.compile("\\b\\p{L}{2,}\\b");

	private final SentimentAnalyzer analyzer;

	public ReplyReader(SentimentAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	/**
	 * How the reply reads.
	 * @param replyText the customer's own words; {@code null} or blank reads as
	 * {@link ReplyKind#OTHER}
	 */
	public ReplyReading read(String replyText) {
		if (replyText == null || replyText.isBlank()) {
			return new ReplyReading(ReplyKind.OTHER, 0, "The reply has no text.");
		}
		Reply reply = new Reply(replyText);
		double sentiment = this.analyzer.score(reply.text).compound();
		if (reply.first(AUTOMATIC).isPresent()) {
			return new ReplyReading(ReplyKind.OTHER, sentiment,
					"Reads like an automatic reply: " + reply.quote(reply.first(AUTOMATIC).getAsInt()));
		}
		OptionalInt angry = latest(reply.last(ANGRY), reply.last(ChurnThreats.matcher(reply.text)));
		OptionalInt stillBroken = reply.last(STILL_BROKEN);
		OptionalInt problem = lastProblem(reply);
		OptionalInt resolved = reply.lastEnd(RESOLVED);
		OptionalInt call = reply.first(CALL).isPresent() && reply.first(NO_CALL).isEmpty() ? reply.first(CALL)
				: OptionalInt.empty();
		// Where a bad cue starts and where a good one ends: "the error is gone" is good
		// news.
		int lastBad = Math.max(max(angry, stillBroken), problem.orElse(-1));
		boolean fixedAfterAll = resolved.isPresent() && resolved.getAsInt() > lastBad;
		String andCall = call.isPresent() ? " They also ask for a call." : "";

		if (angry.isPresent() && !(fixedAfterAll && sentiment > 0)) {
			return new ReplyReading(ReplyKind.FRUSTRATED, sentiment,
					"Sounds frustrated: " + reply.quote(angry.getAsInt()) + andCall);
		}
		if (shoutsInAnger(reply.text, sentiment)) {
			return new ReplyReading(ReplyKind.FRUSTRATED, sentiment,
					"Shouts in anger: " + reply.quote(lastBad >= 0 ? lastBad : 0) + andCall);
		}
		if (stillBroken.isPresent() && !fixedAfterAll) {
			return new ReplyReading(ReplyKind.STILL_BROKEN, sentiment,
					"Says the problem is still there: " + reply.quote(stillBroken.getAsInt()) + andCall);
		}
		if (problem.isPresent() && !fixedAfterAll) {
			return new ReplyReading(ReplyKind.STILL_BROKEN, sentiment,
					"Reports a problem: " + reply.quote(problem.getAsInt()) + andCall);
		}
		if (call.isPresent()) {
			return new ReplyReading(ReplyKind.WANTS_A_CALL, sentiment,
					"Asks for a call: " + reply.quote(call.getAsInt()));
		}
		if (resolved.isPresent()) {
			return new ReplyReading(ReplyKind.POSITIVE, sentiment,
					"Confirms it works: " + reply.quote(resolved.getAsInt() - 1));
		}
		if (sentiment <= UPSET) {
			return new ReplyReading(ReplyKind.FRUSTRATED, sentiment,
					"Reads as upset: " + reply.quote(reply.mostNegative(this.analyzer)));
		}
		if (reply.text.contains("?")) {
			return new ReplyReading(ReplyKind.OTHER, sentiment,
					"Asks a question: " + reply.quote(reply.text.indexOf('?')));
		}
		if (sentiment >= CONTENT) {
			return new ReplyReading(ReplyKind.POSITIVE, sentiment, "Sounds content: " + reply.quote(0));
		}
		return new ReplyReading(ReplyKind.OTHER, sentiment, "Neither confirms the fix nor reports a problem.");
	}

	/** The last problem named in a sentence that reads negative. */
	private OptionalInt lastProblem(Reply reply) {
		OptionalInt last = OptionalInt.empty();
		Matcher problem = PROBLEM.matcher(reply.text);
		while (problem.find()) {
			if (this.analyzer.score(reply.sentenceAt(problem.start())).isNegative()) {
				last = OptionalInt.of(problem.start());
			}
		}
		return last;
	}

	/**
	 * Capitals or a run of exclamation marks in a reply that does not read positive: "FIX
	 * IT NOW", "Why is this broken?!!". A shouted acronym such as "SSO" alone is no
	 * shouting, and "THANK YOU!!" is joy.
	 */
	private static boolean shoutsInAnger(String text, double sentiment) {
		if (sentiment >= Sentiment.POSITIVE_FROM) {
			return false;
		}
		long shouted = SHOUTED_WORD.matcher(text).results().count();
		long words = WORD.matcher(text).results().count();
		return (shouted >= 3 && shouted * 2 >= words) || text.contains("!!") || text.contains("?!");
	}

	private static OptionalInt latest(OptionalInt first, OptionalInt second) {
		return (first.orElse(-1) >= second.orElse(-1)) ? first : second;
	}

	private static int max(OptionalInt first, OptionalInt second) {
		return Math.max(first.orElse(-1), second.orElse(-1));
	}

	private static Pattern cues(String... cues) {
		return Pattern.compile("\\b(?:" + String.join("|", cues) + ")",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** The reply's text, normalised once, and where its sentences are. */
	private static final class Reply {

		final String text;

		private final List<int[]> sentences = new ArrayList<>();

		Reply(String replyText) {
			// Typographic apostrophes and runs of white space would hide the cues.
			this.text = replyText.replace('\u2019', '\'').replace('\u2018', '\'').strip();
			Matcher end = SENTENCE_END.matcher(this.text);
			int start = 0;
			while (end.find()) {
				this.sentences.add(new int[] { start, end.start() });
				start = end.end();
			}
			this.sentences.add(new int[] { start, this.text.length() });
		}

		OptionalInt first(Pattern cue) {
			Matcher matcher = cue.matcher(this.text);
			return matcher.find() ? OptionalInt.of(matcher.start()) : OptionalInt.empty();
		}

		/** Where the last match of the cue ends. */
		OptionalInt lastEnd(Pattern cue) {
			Matcher matcher = cue.matcher(this.text);
			OptionalInt last = OptionalInt.empty();
			while (matcher.find()) {
				last = OptionalInt.of(matcher.end());
			}
			return last;
		}

		/** Where the last match of the cue starts. */
		OptionalInt last(Pattern cue) {
			return last(cue.matcher(this.text));
		}

		/** Where the matcher's last match starts. */
		OptionalInt last(Matcher matcher) {
			OptionalInt last = OptionalInt.empty();
			while (matcher.find()) {
				last = OptionalInt.of(matcher.start());
			}
			return last;
		}

		String sentenceAt(int index) {
			for (int[] sentence : this.sentences) {
				if (index < sentence[1] || sentence == this.sentences.get(this.sentences.size() - 1)) {
					return this.text.substring(sentence[0], sentence[1]);
				}
			}
			return this.text;
		}

		int mostNegative(SentimentAnalyzer analyzer) {
			int start = 0;
			double lowest = Double.MAX_VALUE;
			for (int[] sentence : this.sentences) {
				double compound = analyzer.score(this.text.substring(sentence[0], sentence[1])).compound();
				if (compound < lowest) {
					lowest = compound;
					start = sentence[0];
				}
			}
			return start;
		}

		/** The sentence around the index, in quotes, cut at a word if long. */
		String quote(int index) {
			String sentence = sentenceAt(index).strip().replaceAll("\\s+", " ");
			if (sentence.length() > QUOTE_LENGTH) {
				int cut = sentence.lastIndexOf(' ', QUOTE_LENGTH);
				sentence = sentence.substring(0, (cut > 0) ? cut : QUOTE_LENGTH) + "\u2026";
			}
			return "\u201C" + sentence + "\u201D";
		}

	}

}
