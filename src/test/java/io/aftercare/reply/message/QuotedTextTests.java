package io.aftercare.reply.message;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote headers, separators and signatures of the common mail clients in English,
 * German, French and Spanish, and the customer's text around them that must stay.
 */
class QuotedTextTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Gmail, English | It works now.\\n\\nOn Mon, Nov 30, 2026 at 9:00 AM Sam Rivera <sam@x.example> wrote:\\n> Hi | It works now.
					Gmail, wrapped | It works now.\\n\\nOn Mon, Nov 30, 2026 at 9:00 AM Sam Rivera <\\nsam@x.example> wrote:\\n> Hi | It works now.
					Gmail, German | Läuft wieder.\\n\\nAm Mo., 30. Nov. 2026 um 09:00 Uhr schrieb Sam Rivera <sam@x.example>:\\n> Hallo | Läuft wieder.
					Gmail, French | Tout fonctionne.\\n\\nLe lun. 30 nov. 2026 à 09:00, Sam Rivera <sam@x.example> a écrit :\\n> Bonjour | Tout fonctionne.
					Gmail, Spanish | Ya funciona.\\n\\nEl lun, 30 nov 2026 a las 9:00, Sam Rivera (<sam@x.example>) escribió:\\n> Hola | Ya funciona.
					Outlook, English | Still broken.\\n\\nFrom: Sam Rivera <sam@x.example>\\nSent: Monday, November 30, 2026 9:00 AM\\nTo: David Park\\nSubject: Your ticket\\n\\nHi David | Still broken.
					Outlook, underscores | Still broken.\\n________________________________\\nFrom: Sam Rivera\\nSent: Monday\\nTo: David | Still broken.
					Outlook, German | Geht noch nicht.\\n\\nVon: Sam Rivera <sam@x.example>\\nGesendet: Montag, 30. November 2026 09:00\\nAn: David Park\\nBetreff: Ihr Ticket | Geht noch nicht.
					Outlook, French | Toujours en panne.\\n\\nDe : Sam Rivera <sam@x.example>\\nEnvoyé : lundi 30 novembre 2026 09:00\\nÀ : David Park\\nObjet : Votre ticket | Toujours en panne.
					Outlook, Spanish | Sigue fallando.\\n\\nDe: Sam Rivera <sam@x.example>\\nEnviado: lunes, 30 de noviembre de 2026 9:00\\nPara: David Park\\nAsunto: Su ticket | Sigue fallando.
					Original Message | Thanks!\\n\\n-----Original Message-----\\nFrom: Sam | Thanks!
					Ursprüngliche Nachricht | Danke!\\n\\n-----Ursprüngliche Nachricht-----\\nVon: Sam | Danke!
					Message d'origine | Merci !\\n\\n-------- Message d'origine --------\\nDe : Sam | Merci !
					Mensaje original | ¡Gracias!\\n\\n-------- Mensaje original --------\\nDe: Sam | ¡Gracias!
					signature | All good here.\\n\\n-- \\nDavid Park\\nCTO, TechFlow | All good here.
					iPhone | All good here.\\n\\nSent from my iPhone | All good here.
					iPhone, German | Alles gut.\\n\\nVon meinem iPhone gesendet | Alles gut.
					iPhone, French | Tout va bien.\\n\\nEnvoyé de mon iPhone | Tout va bien.
					iPhone, Spanish | Todo bien.\\n\\nEnviado desde mi iPhone | Todo bien.
					Outlook mobile | Fine now.\\n\\nGet Outlook for iOS | Fine now.
					sign-off | The export works again.\\n\\nBest regards,\\nDavid Park\\nCTO | The export works again.
					German sign-off | Der Export läuft wieder.\\n\\nMit freundlichen Grüßen\\nDavid Park | Der Export läuft wieder.
					thanks alone stays | Thanks! | Thanks!
					inline quote lines dropped | > is it fixed?\\nYes, fixed.\\n> anything else?\\nNo. | Yes, fixed.\\nNo.
					one From line stays | From: the logs it looks fine now. | From: the logs it looks fine now.
					on without wrote stays | On Monday the sync failed again. | On Monday the sync failed again.
					""")
	void keepsTheCustomersOwnWords(String client, String text, String own) {
		assertThat(QuotedText.strip(text.replace("\\n", "\n"))).as(client).isEqualTo(own.replace("\\n", "\n"));
	}

}
