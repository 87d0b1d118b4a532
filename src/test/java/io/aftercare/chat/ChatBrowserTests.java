package io.aftercare.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.Playwright;
import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PRD's chat flow in a real Chromium, against the whole app. Also takes the
 * screenshots that the README shows, so they stay current.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/browser-outbox" })
class ChatBrowserTests {

	private static final Path SCREENSHOTS = Paths.get("docs/screenshots");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient http;

	private BrowserContext context;

	private Page page;

	private final AtomicInteger dialogs = new AtomicInteger();

	@BeforeAll
	static void startBrowser() throws IOException {
		// A chat turn on two busy cores can take longer than Playwright's default of 5 s.
		PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
		// Each run looks for its own email: start with an empty outbox.
		org.springframework.util.FileSystemUtils.deleteRecursively(Paths.get("target/browser-outbox"));
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions()
				.setExecutablePath(Paths.get(System.getenv().getOrDefault("AFTERCARE_CHROMIUM", "/usr/bin/chromium")))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.page = this.context.newPage();
		this.page.onDialog((dialog) -> {
			this.dialogs.incrementAndGet();
			dialog.dismiss();
		});
	}

	@AfterEach
	void closePage() {
		this.context.close();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void signIn(String user, String password) {
		this.page.navigate(url("/chat"));
		this.page.locator("#username").fill(user);
		this.page.locator("#password").fill(password);
		this.page.locator("button[type=submit]").click();
	}

	private Locator say(String text) {
		// Count only once the chat page has loaded: right after signing in, the browser
		// may still be on its way from the sign-in form.
		assertThat(this.page.locator("#say")).isVisible();
		Locator messages = this.page.locator("#log .message");
		int before = messages.count();
		this.page.locator("#text").fill(text);
		this.page.locator("#say button[type=submit]").click();
		// Every turn adds two messages: the CSM's words and the answer.
		assertThat(messages).hasCount(before + 2);
		return messages.nth(before + 1);
	}

	private void screenshot(String name) {
		this.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(false));
	}

	@Test
	void playsThePrdFlowFromRequestToSentEmail() throws IOException {
		signIn("sam", "demo");
		assertThat(this.page).hasURL(url("/chat"));
		screenshot("chat-empty.png");

		Locator reply = say("Follow up with TechFlow on their resolved API ticket");
		assertThat(reply).containsText("I'll prepare a follow-up for TechFlow's resolved support ticket.");
		Locator card = reply.locator(".followup-card");
		assertThat(card.locator(".ticket-number")).hasText("TF-2024-0847");
		assertThat(card.locator(".issue")).hasText("API rate limiting causing sync failures");
		assertThat(card).containsText("High");
		assertThat(card).containsText("4 days (opened ");
		assertThat(card.locator(".resolution")).hasText("Rate limits increased 3x, optimization guide provided");
		assertThat(card.locator(".impact-lines")).containsText("Health Score: Dropped 6 points during issue");
		assertThat(card.locator(".impact-lines")).containsText("Multiple stakeholders involved");
		assertThat(card.locator(".impact-lines")).containsText("Escalated to engineering");
		assertThat(card.locator("svg.chart polyline")).hasCount(1);
		assertThat(card.locator(".badge")).hasText("Relationship repair");
		assertThat(card.locator(".subject")).containsText("Checking In After Your API Issue - All Good?");
		assertThat(card.locator("pre.body")).containsText("Hi David,");
		screenshot("chat-followup.png");

		card.getByText("Edit", new Locator.GetByTextOptions().setExact(true)).click();
		Locator editing = reply.locator(".followup-card.editing");
		String edited = editing.locator("textarea")
			.inputValue()
			.replace("Hi David,", "Hi David,\n\nThanks for bearing with us.");
		editing.locator("textarea").fill(edited);
		editing.getByText("Save draft").click();
		Locator saved = reply.locator(".followup-card");
		assertThat(saved.locator("pre.body")).containsText("Thanks for bearing with us.");
		assertThat(saved).containsText("Edited by you");

		saved.getByText("Add Follow-up Reminder").click();
		Locator form = reply.locator(".followup-card.editing");
		assertThat(form.locator("input[name=note]")).hasValue("Check API metrics");
		String inThreeDays = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
		form.locator("input[name=date]").fill(inThreeDays);
		form.locator("input[name=note]").fill("Call David about the sync jobs");
		form.getByText("Add reminder").click();
		assertThat(reply.locator(".followup-card .reminders-set")).containsText("Call David about the sync jobs");

		reply.locator(".followup-card").getByText("Send", new Locator.GetByTextOptions().setExact(true)).click();
		Locator confirm = this.page.locator(".confirm-card").last();
		assertThat(confirm).containsText("David");
		assertThat(confirm).containsText("@techflow.example");
		assertThat(confirm.locator("pre.body")).containsText("Thanks for bearing with us.");
		screenshot("chat-confirm.png");
		confirm.getByText("Confirm and send").click();

		Locator sent = this.page.locator(".message[data-kind=SENT]").last();
		assertThat(sent).containsText("Post-ticket follow-up sent to TechFlow!");
		assertThat(sent).containsText("Reminder set: Check API metrics in 7 days.");
		assertThat(sent).containsText("Reminder set: Call David about the sync jobs in 3 days.");
		screenshot("chat-sent.png");

		String eml = onlyEmailTo("@techflow.example");
		assertThat(eml).contains("Thanks for bearing with us.").contains("Subject: Checking In After Your API Issue");

		this.page.reload();
		assertThat(this.page.locator("#log")).containsText("Post-ticket follow-up sent to TechFlow!");
		assertThat(this.page.locator("#log .followup-card", new Page.LocatorOptions().setHasText("TF-2024-0847"))
			.last()
			.locator(".status")).hasText("Sent");

		say("What reminders do I have?");
		assertThat(this.page.locator(".message[data-kind=REMINDERS]").last()).containsText("Check API metrics");

		this.page.setViewportSize(390, 844);
		screenshot("chat-phone.png");
		this.page.setViewportSize(1280, 900);
		assertThat(this.dialogs.get()).isZero();
	}

	@Test
	void typingSendAsksToConfirmTheDraftInView() {
		signIn("sam", "demo");
		say("Follow up with Acme");
		Locator question = this.page.locator("#log .message").last();
		assertThat(question).containsText("Which one should I follow up on?");
		assertThat(question.locator("button.choice").nth(1)).isVisible();
		question.locator("button.choice").first().click();
		Locator card = this.page.locator("#log .message[data-kind=FOLLOWUP]").last();
		assertThat(card.locator(".ticket-number")).containsText("AC-");
		Locator confirm = say("Send");
		assertThat(confirm).containsText("Please confirm: this is exactly what will be sent.");
		assertThat(confirm.locator(".confirm-card")).containsText("To:");
	}

	/**
	 * One conversation of several turns, each leaning on the one before: "them", "not
	 * that one", "this draft".
	 */
	@Test
	void followsAConversationFromTurnToTurn() {
		signIn("sam", "demo");
		Locator tickets = say("Show recent tickets for Acme");
		assertThat(tickets).containsText("Recent tickets for Acme Corp:");
		assertThat(tickets.locator("table.tickets")).containsText("SSO login loop");

		Locator first = say("follow up with them on ticket AC-2024-0125");
		assertThat(first.locator(".followup-card .ticket-number")).hasText("AC-2024-0125");
		assertThat(first.locator(".followup-card .issue")).hasText("Dashboards take over a minute to load");

		Locator sso = say("not that one, the SSO ticket");
		Locator card = sso.locator(".followup-card");
		assertThat(card.locator(".ticket-number")).hasText("AC-2024-0112");
		assertThat(card.locator(".issue")).containsText("SSO login loop");
		String followUp = card.getAttribute("data-followup");

		Locator discarded = say("discard this draft");
		assertThat(discarded).containsText("Discarded the draft for Acme Corp's ticket AC-2024-0112.");
		assertThat(discarded.locator("button.choice")).hasText("Draft it again");

		// The conversation is kept: after a reload the discarded draft shows as such.
		this.page.reload();
		assertThat(this.page.locator("#log")).containsText("Discarded the draft for Acme Corp's ticket AC-2024-0112.");
		assertThat(this.page.locator("#log .followup-card[data-followup='" + followUp + "']").last())
			.hasAttribute("data-status", "DISCARDED");
		assertThat(this.dialogs.get()).isZero();
	}

	/**
	 * The pages learn the browser's time zone from the sign-in page on, and a page drawn
	 * in another zone (a cookie lost, a CSM who travelled) is drawn again in theirs.
	 */
	@Test
	void thePagesTakeTheBrowsersTimeZone() {
		this.context.close();
		this.context = browser.newContext(new Browser.NewContextOptions().setTimezoneId("Pacific/Kiritimati"));
		this.page = this.context.newPage();
		signIn("sam", "demo");
		assertThat(this.page.locator("#say")).isVisible();
		assertThat(this.page.locator("body")).hasAttribute("data-zone", "Pacific/Kiritimati");

		this.context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("aftercare_zone"));
		this.page.reload();
		assertThat(this.page.locator("body")).hasAttribute("data-zone", "Pacific/Kiritimati");
		assertThat(this.context.cookies())
			.anySatisfy((cookie) -> assertThat(cookie.value).as("the zone as Spring's CookieLocaleResolver reads it")
				.isEqualTo("-/Pacific/Kiritimati"));
	}

	@Test
	void anotherCsmCannotReachTechFlow() {
		signIn("alex", "demo");
		Locator reply = say("Follow up with TechFlow on ticket TF-2024-0847");
		assertThat(reply).containsText("couldn't find a customer");
		assertThat(reply.locator(".followup-card")).hasCount(0);
		assertThat(this.page.locator("#log")).not().containsText("TF-2024-0847 ·");
		assertThat(this.page.locator("#panel")).not().containsText("TechFlow");
	}

	@Test
	void anAmbiguousRequestGetsAQuestion() {
		signIn("sam", "demo");
		Locator reply = say("Follow up");
		assertThat(reply).containsText("Which customer should I follow up with?");
		assertThat(reply.locator(".followup-card")).hasCount(0);
		screenshot("chat-question.png");
	}

	@Test
	void textFromTicketsIsShownAsTextNeverRunAsHtml() {
		this.http.post()
			.uri("/api/ingest/tickets")
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("source", "demo", "externalId", "xss-1", "number", "XSS-1", "customer",
					Map.of("externalId", "techflow"), "subject", "<img src=x onerror=alert(1)>", "priority", "LOW",
					"status", "SOLVED", "openedAt", java.time.Instant.now().minusSeconds(7200).toString(), "resolvedAt",
					java.time.Instant.now().minusSeconds(3600).toString()))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		signIn("sam", "demo");
		Locator reply = say("Show recent tickets for TechFlow");
		assertThat(reply.locator("table.tickets")).containsText("<img src=x onerror=alert(1)>");
		assertThat(this.page.locator("#log img")).hasCount(0);
		assertThat(this.dialogs.get()).isZero();
	}

	@Test
	void aWrongPasswordIsRefused() {
		signIn("sam", "not-the-password");
		assertThat(this.page).hasURL(url("/login?error"));
		assertThat(this.page.locator(".alert.error")).containsText("don't match");
		this.page.navigate(url("/chat"));
		assertThat(this.page).hasURL(url("/login"));
		screenshot("login.png");
	}

	private static String onlyEmailTo(String domain) throws IOException {
		try (Stream<Path> files = Files.list(Paths.get("target/browser-outbox"))) {
			List<String> emails = files.map((file) -> {
				try {
					return Files.readString(file);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).filter((eml) -> eml.contains(domain)).toList();
			assertThat(emails).hasSize(1);
			return emails.get(0);
		}
	}

}
