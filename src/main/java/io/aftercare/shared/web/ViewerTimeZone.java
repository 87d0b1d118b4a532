package io.aftercare.shared.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The time zone of the person looking at a page, told by their browser: the pages' script
 * writes the {@value #COOKIE} cookie ({@code -/America/Denver}: no locale of its own,
 * then the IANA zone), and Spring MVC hands the zone to any handler that takes a
 * {@link java.time.ZoneId}. Without the cookie, or with a zone this JVM does not know, it
 * is UTC; the locale stays the one the browser asks for in {@code Accept-Language}.
 * <p>
 * A cookie rather than a setting per user: the zone is the device's, so a CSM who travels
 * sees their days where they are, and nothing has to be configured.
 */
@Configuration(proxyBeanMethods = false)
public class ViewerTimeZone {

	static final String COOKIE = "aftercare_zone";

	/**
	 * What a handler gets when the browser told no zone, or one this JVM does not know.
	 */
	private static final ZoneId UNTOLD = ZoneId.of("UTC");

	/**
	 * Whether the browser told this zone: UTC is also what a browser that told nothing
	 * gets, so it counts as not told.
	 */
	public static boolean told(ZoneId zone) {
		return !zone.equals(UNTOLD);
	}

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultTimeZoneFunction((request) -> TimeZone.getTimeZone(UNTOLD));
		// A cookie anyone can write must never fail a request: an unknown zone is UTC.
		resolver.setRejectInvalidCookies(false);
		return resolver;
	}

}
