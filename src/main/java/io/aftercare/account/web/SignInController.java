package io.aftercare.account.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: the form, a button per single sign-on provider, and in plain words
 * why the last attempt did not work.
 */
@Controller
@Hidden
class SignInController {

	private static final Map<String, String> SSO_REFUSALS = Map.of("unverified_email",
			"Your sign-in provider has not verified your email address, so Aftercare cannot tell who you are. Verify it there, or sign in with your username and password.",
			"unknown_user",
			"No Aftercare user has the email address your sign-in provider gave. Ask your admin to create one with that address.",
			"ambiguous_email",
			"Several Aftercare users have the email address your sign-in provider gave. Ask your admin to keep it on one user only.",
			"failed", "Single sign-on did not work. Try again, or sign in with your username and password.");

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.registrations = registrations;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String throttled, @RequestParam(required = false) String sso,
			Model model) {
		model.addAttribute("providers", providers());
		if (throttled != null && throttled.matches("[0-9]{1,6}")) {
			model.addAttribute("throttled", wait(Duration.ofSeconds(Long.parseLong(throttled))));
		}
		else if (throttled != null) {
			model.addAttribute("throttled", "a little while");
		}
		if (sso != null) {
			model.addAttribute("ssoProblem", SSO_REFUSALS.getOrDefault(sso, SSO_REFUSALS.get("failed")));
		}
		return "login";
	}

	/** Single sign-on providers by name, each with the address that starts a sign-in. */
	record Provider(String name, String path) {
	}

	private List<Provider> providers() {
		List<Provider> providers = new ArrayList<>();
		if (this.registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object each : all) {
				ClientRegistration registration = (ClientRegistration) each;
				providers.add(new Provider(registration.getClientName(),
						"/oauth2/authorization/" + registration.getRegistrationId()));
			}
		}
		return providers;
	}

	private static String wait(Duration wait) {
		long seconds = Math.max(1, wait.toSeconds());
		if (seconds < 90) {
			return seconds + ((seconds == 1) ? " second" : " seconds");
		}
		return ((seconds + 59) / 60) + " minutes";
	}

}
