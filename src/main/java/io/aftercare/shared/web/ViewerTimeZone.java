package io.aftercare.shared.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
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
		CookieLocaleResolver resolver = new UsableZones();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultTimeZoneFunction((request) -> TimeZone.getTimeZone(UNTOLD));
		// A cookie anyone can write must never fail a request: an unknown zone is UTC.
		resolver.setRejectInvalidCookies(false);
		return resolver;
	}

	/**
	 * Also UTC for a zone {@link TimeZone} takes and {@link ZoneId} does not (an offset
	 * beyond 18 hours, such as {@code GMT+18:01}): every page that shows a time would
	 * fail on it, for as long as the cookie lives.
	 */
	private static final class UsableZones extends CookieLocaleResolver {

		UsableZones() {
			super(COOKIE);
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			LocaleContext context = super.resolveLocaleContext(request);
			TimeZone zone = (context instanceof TimeZoneAwareLocaleContext aware) ? aware.getTimeZone() : null;
			if (zone == null) {
				return context;
			}
			try {
				zone.toZoneId();
				return context;
			}
			catch (DateTimeException ex) {
				return new SimpleTimeZoneAwareLocaleContext(context.getLocale(), TimeZone.getTimeZone(UNTOLD));
			}
		}

	}

}
