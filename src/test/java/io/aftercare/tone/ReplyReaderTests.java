package io.aftercare.tone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyReaderTests {

	private final ReplyReader reader = new ReplyReader(new SentimentAnalyzer());

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# All good, short and long
			All good now, thanks!                                                          | POSITIVE
			Works now, thank you so much.                                                  | POSITIVE
			Yes, it's fixed. Thanks for the quick help!                                    | POSITIVE
			Perfect, that did the trick.                                                   | POSITIVE
			The sync has been running fine since Tuesday, no more errors.                  | POSITIVE
			No issues since the update. Appreciate it.                                     | POSITIVE
			Everything is back to normal on our side.                                      | POSITIVE
			Thanks a lot, really appreciated!                                              | POSITIVE
			It was failing all week, but now it works. Thanks!                             | POSITIVE
			Great news, the export works perfectly. You can close the ticket.              | POSITIVE
			Yep, resolved on our end.                                                      | POSITIVE
			The error is gone, thank you.                                                  | POSITIVE
			No, all good!                                                                  | POSITIVE
			We haven't seen the issue since the fix.                                       | POSITIVE
			Yes                                                                            | POSITIVE
			Can't complain, works fine.                                                    | POSITIVE
			# Still broken, mixed ones included
			Thanks, but it's still failing.                                                | STILL_BROKEN
			Thanks for the update, but the problem is not resolved.                        | STILL_BROKEN
			The export is still broken.                                                    | STILL_BROKEN
			We still get the same error when we sync.                                      | STILL_BROKEN
			Unfortunately it didn't help, the report still shows zero.                     | STILL_BROKEN
			It worked for a day and then stopped working.                                  | STILL_BROKEN
			The issue came back this morning.                                              | STILL_BROKEN
			Thanks, it works now, but the export fails with a timeout.                     | STILL_BROKEN
			Sadly no change on our side.                                                   | STILL_BROKEN
			The dashboard crashed again after lunch.                                       | STILL_BROKEN
			The login page is broken for all our users.                                    | STILL_BROKEN
			It still isn't working, can we get on a call?                                  | STILL_BROKEN
			Please reopen the ticket, the sync fails again.                                | STILL_BROKEN
			No, it's still broken.                                                         | STILL_BROKEN
			Unfortunately not.                                                             | STILL_BROKEN
			Still no fix?                                                                  | STILL_BROKEN
			I can't log in anymore since yesterday.                                        | STILL_BROKEN
			The workaround helps for now but we need a real fix.                           | STILL_BROKEN
			Thanks, the issue is resolved. However, the export is slow.                    | STILL_BROKEN
			# Frustrated
			This is unacceptable. We have been waiting for three days.                     | FRUSTRATED
			Honestly, this is ridiculous. Third time this month!                           | FRUSTRATED
			We are very frustrated with the repeated failures.                             | FRUSTRATED
			FIX IT NOW. OUR TEAM CANNOT WORK.                                              | FRUSTRATED
			If this is not fixed by Friday we will cancel our subscription.                | FRUSTRATED
			We are looking at other vendors.                                               | FRUSTRATED
			Still no answer from your team, I'm disappointed.                              | FRUSTRATED
			Thanks for nothing.                                                            | FRUSTRATED
			Why is this broken again?!!                                                    | FRUSTRATED
			Your support is a joke and a waste of our time.                                | FRUSTRATED
			The fix works, but the whole experience was painful and took way too long.     | FRUSTRATED
			We lost a full day of orders. I need to speak with your manager.               | FRUSTRATED
			# Wants a call
			Can we get on a call?                                                          | WANTS_A_CALL
			Could you give me a call tomorrow morning?                                     | WANTS_A_CALL
			It works, but I'd like to set up a meeting to talk about the rollout.          | WANTS_A_CALL
			Can we talk about this with someone from your team this week?                  | WANTS_A_CALL
			Please call me back, my number is 555 0100.                                    | WANTS_A_CALL
			I would appreciate a call to discuss what happened.                            | WANTS_A_CALL
			The problem is fixed, but we need to talk about the SLA.                       | WANTS_A_CALL
			# Other: automatic replies, questions, plain acknowledgements
			I'm out of the office until Monday with limited access to email.               | OTHER
			I am currently on vacation and will respond when I return.                     | OTHER
			Thank you for your email. Your request has been received.                      | OTHER
			Ich bin bis 12. Mai nicht im Büro.                                             | OTHER
			Je suis absent du bureau jusqu'au lundi.                                       | OTHER
			Will this also be available in the mobile app?                                 | OTHER
			Noted.                                                                         | OTHER
			Forwarding this to my colleague Sam, who owns the integration.                 | OTHER
			We'll test it on Monday and let you know.                                      | OTHER
			Not yet, the team is still testing.                                            | OTHER
			Great, thanks. Any idea what caused it?                                        | OTHER
			I'm on parental leave until March; please contact Sam instead.                 | OTHER
			""")
	void readsTheReply(String reply, ReplyKind kind) {
		ReplyReading reading = this.reader.read(reply);
		assertThat(reading.kind()).as(reading.reason()).isEqualTo(kind);
	}

	@Test
	void theReasonQuotesTheCustomerSentenceThatDecided() {
		ReplyReading reading = this.reader.read("Thanks for your help. Sadly the sync still fails every night.");
		assertThat(reading.kind()).isEqualTo(ReplyKind.STILL_BROKEN);
		assertThat(reading.reason())
			.isEqualTo("Says the problem is still there: \u201CSadly the sync still fails every night.\u201D");
	}

	@Test
	void aProblemOutranksAWishForACallWhichTheReasonStillMentions() {
		ReplyReading reading = this.reader.read("It still isn't working, can we get on a call?");
		assertThat(reading.reason()).endsWith("They also ask for a call.");
	}

	@Test
	void noNeedForACallIsNoWishForOne() {
		assertThat(this.reader.read("All good, no need for a call.").kind()).isEqualTo(ReplyKind.POSITIVE);
	}

	@Test
	void anApiCallIsNoPhoneCall() {
		assertThat(this.reader.read("The API call returns 200 now, all good.").kind()).isEqualTo(ReplyKind.POSITIVE);
	}

	@Test
	void theSentimentIsTheAnalyzersCompoundScore() {
		String reply = "This is unacceptable. We have been waiting for three days.";
		assertThat(this.reader.read(reply).sentiment()).isEqualTo(new SentimentAnalyzer().score(reply).compound())
			.isNegative();
	}

	@Test
	void longSentencesAreCutInTheReason() {
		ReplyReading reading = this.reader.read("The export is still broken for every single one of the reports "
				+ "that our finance team runs at the end of each month and we need it soon.");
		assertThat(reading.reason()).hasSizeLessThan(130).endsWith("\u2026\u201D");
	}

	@Test
	void anEmptyReplyReadsAsOther() {
		assertThat(this.reader.read(" ").kind()).isEqualTo(ReplyKind.OTHER);
		assertThat(this.reader.read(null).kind()).isEqualTo(ReplyKind.OTHER);
	}

	@Test
	void labelsReadAsACsmSaysThem() {
		assertThat(ReplyKind.POSITIVE.label()).isEqualTo("all good");
		assertThat(ReplyKind.STILL_BROKEN.label()).isEqualTo("still broken");
		assertThat(ReplyKind.FRUSTRATED.label()).isEqualTo("frustrated");
		assertThat(ReplyKind.WANTS_A_CALL.label()).isEqualTo("wants a call");
		assertThat(ReplyKind.OTHER.label()).isEqualTo("other");
	}

}
