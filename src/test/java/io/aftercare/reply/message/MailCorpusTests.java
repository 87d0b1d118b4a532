package io.aftercare.reply.message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply reader on real-world messages from the test fixtures of open-source reply
 * parsers and bounce classifiers (see {@code mail-corpus/SOURCES.md}): every reply is a
 * reply with its own words only, every auto-reply and bounce is recognised, each bounce
 * as hard or soft as its status says.
 */
class MailCorpusTests {

	static Stream<Arguments> replies() {
		return Stream.of(Arguments.of("talon-aol.eml", "Hello"), Arguments.of("talon-apple_mail.eml", "Hello"),
				Arguments.of("talon-apple_mail_2.eml", "Hello"), Arguments.of("talon-comcast.eml", "Hello"),
				Arguments.of("talon-hotmail.eml", "Hello"), Arguments.of("talon-iphone.eml", "Hello"),
				Arguments.of("talon-outlook.eml", "Hello"), Arguments.of("talon-sparrow.eml", "Hello"),
				Arguments.of("talon-thunderbird.eml", "Hello"), Arguments.of("talon-yahoo.eml", "Hello"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replies")
	void aReplyIsAReplyWithItsOwnWordsOnly(String file, String expected) {
		InboundMail mail = InboundMail.parse(read("replies/" + file));

		assertThat(MailKinds.classify(mail).kind()).isEqualTo(MailKind.REPLY);
		assertThat(QuotedText.strip(mail.text())).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void aReplyAboveAYahooQuoteKeepsItsParagraphAndLosesTheBookingInquiry() {
		InboundMail mail = InboundMail.parse(read("replies/talon-reply-quotations-share-block.eml"));

		String own = QuotedText.strip(mail.text());

		assertThat(MailKinds.classify(mail).kind()).isEqualTo(MailKind.REPLY);
		assertThat(own).startsWith("Hi Katharine.").contains("look forward to hearing from you soon");
		assertThat(own).doesNotContain("New Booking Inquiry").doesNotContain("wrote:");
	}

	static Stream<Arguments> autoReplies() {
		return Stream
			.of("sisimai-rfc3834-01.eml", "sisimai-rfc3834-02.eml", "sisimai-rfc3834-03.eml", "sisimai-rfc3834-04.eml",
					"sisimai-rfc3834-05.eml", "sisimai-rfc3834-06.eml")
			.map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("autoReplies")
	void anAutoReplyIsNoAnswer(String file) {
		Classification classified = MailKinds.classify(InboundMail.parse(read("auto-replies/" + file)));

		assertThat(classified.kind()).isEqualTo(MailKind.AUTO_REPLY);
		assertThat(classified.kind().isAnswer()).isFalse();
	}

	static final Map<String, MailKind> BOUNCES = Map.ofEntries(
			Map.entry("sisimai-rfc3464-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-rfc3464-03.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-rfc3464-04.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-rfc3464-06.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-qmail-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-qmail-02.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-qmail-03.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-exchange2003-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-exchange2007-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-gmail-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-gmail-03.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-office365-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-postfix-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-sendmail-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-rhost-google-01.eml", MailKind.HARD_BOUNCE),
			Map.entry("sisimai-lhost-exim-01.eml", MailKind.HARD_BOUNCE));

	static Stream<Arguments> bounces() {
		return BOUNCES.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((e) -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bounces")
	void aBounceIsRecognisedWithTheServersReason(String file, MailKind kind) {
		Classification classified = MailKinds.classify(InboundMail.parse(read("bounces/" + file)));

		assertThat(classified.kind()).isEqualTo(kind);
		assertThat(classified.detail()).isNotBlank();
	}

	static Stream<Arguments> replyTexts() {
		return Stream.of(Arguments.of("erp-quote_reply_german.txt", "This is a reply with German quote"),
				Arguments.of("erp-quote_reply_french.txt", "This is a reply with French quote"),
				Arguments.of("erp-quote_reply_spanish.txt", "This is a reply with Spanish quote"),
				Arguments.of("erp-email_1_4.txt", "Awesome! I haven't had another problem with it."),
				Arguments.of("erp-email_2_2.txt", "Outlook with a reply directly above line"),
				Arguments.of("erp-correct_sig.txt", "this is an email with a correct -- signature."),
				Arguments.of("erp-email_iPhone.txt", "Here is another email"),
				Arguments.of("erp-email_BlackBerry.txt", "Here is another email"),
				Arguments.of("erp-email_multi_word_sent_from_my_mobile_device.txt", "Here is another email"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replyTexts")
	void aReplysTextLosesItsQuoteAndSignatureInSeveralLanguages(String file, String expected) {
		assertThat(QuotedText.strip(new String(read("reply-texts/" + file), StandardCharsets.UTF_8)))
			.isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void aMultiLineOutlookHeaderEndsTheReply() {
		String own = QuotedText.strip(new String(
				read("reply-texts/erp-email_multiline_quote_header_from_to_date_subject.txt"), StandardCharsets.UTF_8));

		assertThat(own).startsWith("I have gained valuable experience").endsWith("to life in general.");
	}

	static byte[] read(String path) {
		try (InputStream in = MailCorpusTests.class.getResourceAsStream("/mail-corpus/" + path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
