package io.aftercare.account;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.aftercare.AftercareIntegrationTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end in Chromium, against a real OpenID Connect provider on
 * loopback (mock-oauth2-server: discovery, authorization code flow, signed ID tokens,
 * userinfo): a person is matched by the email their provider verified, someone new
 * becomes a CSM when the admin allows it, and an unverified address is refused with words
 * on the sign-in page.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-sso;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.security.oauth2.client.registration.corp.client-id=aftercare",
		"spring.security.oauth2.client.registration.corp.client-secret=not-so-secret",
		"spring.security.oauth2.client.registration.corp.client-name=Acme Workspace",
		"spring.security.oauth2.client.registration.corp.scope=openid,email,profile",
		"aftercare.account.sso.create-users=true" })
class SingleSignOnBrowserTests {

	private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private BrowserContext context;

	private Page page;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) {
		// Started before the application, which reads the provider's discovery document.
		if (!started) {
			PROVIDER.start();
			started = true;
		}
		properties.add("spring.security.oauth2.client.provider.corp.issuer-uri",
				() -> PROVIDER.issuerUrl("corp").toString());
	}

	private static boolean started;

	@BeforeAll
	static void startBrowser() {
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
	static void stopAll() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
		PROVIDER.shutdown();
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.page = this.context.newPage();
	}

	@AfterEach
	void closePage() {
		this.context.close();
	}

	@Test
	void aPersonWhoseVerifiedEmailMatchesAUserSignsInAsThatUser() {
		signOnAs("sam-at-corp",
				Map.of("email", "Sam.Rivera@aftercare.example", "email_verified", true, "name", "Sam R. (Corp)"));
		assertThat(this.page).hasURL(url("/chat"));
		assertThat(this.page.locator("body")).containsText("Sam Rivera");
		// Acting as sam: the chat offers sam's customers.
		this.page.locator("#text").fill("Follow up with TechFlow on ticket TF-2024-0847");
		this.page.locator("#say button[type=submit]").click();
		assertThat(this.page.locator("#log")).containsText("TF-2024-0847");
	}

	@Test
	void someoneNewBecomesACsmWhenTheAdminAllowsIt() {
		signOnAs("new-person",
				Map.of("email", "jordan.lee@aftercare.example", "email_verified", true, "name", "Jordan Lee"));
		assertThat(this.page).hasURL(url("/chat"));
		assertThat(this.page.locator("body")).containsText("Jordan Lee");
		assertThat(this.jdbc.sql("select role from csm_users where email = 'jordan.lee@aftercare.example'")
			.query(String.class)
			.single()).isEqualTo("CSM");
	}

	@Test
	void anUnverifiedEmailIsRefusedWithAReason() {
		signOnAs("unverified", Map.of("email", "alex.chen@aftercare.example", "email_verified", false));
		assertThat(this.page).hasURL(url("/login?sso=unverified_email"));
		assertThat(this.page.locator(".alert.error")).containsText("has not verified your email address");
		this.page.navigate(url("/chat"));
		assertThat(this.page).hasURL(url("/login"));
	}

	private void signOnAs(String subject, Map<String, Object> claims) {
		PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of("aftercare"), claims));
		this.page.navigate(url("/login"));
		this.page.getByText("Sign in with Acme Workspace").click();
		this.page.waitForURL((address) -> address.endsWith("/chat") || address.contains("sso="));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
