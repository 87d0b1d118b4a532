package io.aftercare.reply.message;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-reply headers and out-of-office subjects in four languages, delivery reports by
 * status, and the non-standard bounces recognised by their words, with the reply that
 * only mentions such words left a reply.
 */
class MailKindsTests {

	@ParameterizedTest
	@ValueSource(strings = { "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "X-Autoreply: yes",
			"X-Autorespond: yes", "Precedence: auto_reply", "Precedence: bulk", "Precedence: junk" })
	void anAutoReplyHeaderMakesAnAutoReply(String header) {
		assertThat(kind(header, "Re: your ticket", "Thanks, all good.")).isEqualTo(MailKind.AUTO_REPLY);
	}

	@Test
	void autoSubmittedNoIsAPersonsReply() {
		assertThat(kind("Auto-Submitted: no", "Re: your ticket", "Thanks, all good.")).isEqualTo(MailKind.REPLY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Out of Office: Re: your ticket", "Automatic reply: your ticket",
			"Abwesenheitsnotiz: Ihr Ticket", "Automatische Antwort: Ihr Ticket", "Réponse automatique : votre ticket",
			"Absence du bureau", "Respuesta automática: su ticket", "Fuera de la oficina" })
	void anOutOfOfficeSubjectMakesAnAutoReply(String subject) {
		assertThat(kind("X-Mailer: any", subject, "I am away until Monday.")).isEqualTo(MailKind.AUTO_REPLY);
	}

	@ParameterizedTest
	@CsvSource({ "failed, 5.1.1, HARD_BOUNCE", "failed, 4.2.2, SOFT_BOUNCE", "delayed, 4.4.1, SOFT_BOUNCE",
			"delivered, 2.0.0, AUTO_REPLY" })
	void aDeliveryReportIsReadByItsActionAndStatus(String action, String status, MailKind kind) {
		String raw = """
				From: MAILER-DAEMON@mx.example
				To: sam@x.example
				Subject: Delivery Status Notification
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b"

				--b
				Content-Type: text/plain

				Report.

				--b
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example

				Final-Recipient: rfc822; david@techflow.example
				Action: %s
				Status: %s
				Diagnostic-Code: smtp; 550 no such user

				--b--
				""".formatted(action, status);
		Classification classified = MailKinds.classify(InboundMail.parse(bytes(raw)));
		assertThat(classified.kind()).isEqualTo(kind);
		if (kind != MailKind.AUTO_REPLY) {
			assertThat(classified.detail()).contains("david@techflow.example").contains(status);
		}
	}

	@Test
	void qmailThatWillTryAgainIsASoftBounce() {
		assertThat(kind("X-Mailer: qmail", "failure notice",
				"""
						Hi. This is the qmail-send program at mx.example.
						I'm not going to try again; this message has been in the queue too long... no: temporary failure, will keep trying.
						<david@techflow.example>:
						Connection refused. (#4.4.1)
						"""))
			.isEqualTo(MailKind.SOFT_BOUNCE);
	}

	@Test
	void exchangesWordsMakeAHardBounce() {
		assertThat(kind("X-MS-Exchange-Organization: x", "Undeliverable: your ticket", """
				Delivery has failed to these recipients or groups:
				david@techflow.example
				The email address you entered couldn't be found.
				Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
				""")).isEqualTo(MailKind.HARD_BOUNCE);
	}

	@Test
	void aCustomerWhoMentionsABounceIsStillAReply() {
		assertThat(kind("X-Mailer: any", "Re: your ticket", "Our alerts said the webhook returned 550, now fixed."))
			.isEqualTo(MailKind.REPLY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sisimai-is-not-bounce-01.eml", "sisimai-is-not-bounce-02.eml" })
	void messagesThatAreNotBouncesAreNotTakenForBounces(String file) {
		assertThat(MailKinds.classify(InboundMail.parse(MailCorpusTests.read("not-bounces/" + file))).kind().isBounce())
			.isFalse();
	}

	private static MailKind kind(String header, String subject, String body) {
		String raw = "From: David <david@techflow.example>\nTo: sam@x.example\nSubject: " + subject
				+ "\nMessage-ID: <m@techflow.example>\n" + header + "\nContent-Type: text/plain; charset=UTF-8\n\n"
				+ body;
		return MailKinds.classify(InboundMail.parse(bytes(raw))).kind();
	}

	private static byte[] bytes(String raw) {
		return raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

}
