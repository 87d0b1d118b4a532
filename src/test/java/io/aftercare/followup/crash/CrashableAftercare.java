package io.aftercare.followup.crash;

import io.aftercare.AftercareApplication;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The real application, started in a child JVM by {@link SendCrashTests}, with one
 * addition: it can stop at a chosen step of a send, say so on its standard output, and
 * wait there to be killed. Which step comes from {@code -Daftercare.crash.pause-at}:
 * {@code before-delivery} (claimed, not yet handed to the transport) or
 * {@code after-delivery} (handed over, not yet recorded). Without it the app runs as it
 * ships.
 */
public final class CrashableAftercare {

	static final String PAUSE_AT = "aftercare.crash.pause-at";

	static final String MARKER = "CRASH-POINT";

	private CrashableAftercare() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(AftercareApplication.class, CrashPoints.class).run(args);
	}

	/**
	 * Not a {@code @Configuration}: component scanning must never find it in the other
	 * tests' contexts. It is registered by hand above.
	 */
	static class CrashPoints {

		@Bean
		static BeanPostProcessor pausingTransport() {
			// "step" or "step:<fu.12." (only the emails of follow-up 12): the send queue
			// also finishes sends of earlier lives, which must not stop at this life's
			// step.
			String[] pause = System.getProperty(PAUSE_AT, "").split(":", 2);
			String step = pause[0];
			String only = (pause.length > 1) ? pause[1] : "";
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof MailTransport transport && !step.isEmpty())
							? new PausingTransport(transport, step, only) : bean;
				}
			};
		}

	}

	private record PausingTransport(MailTransport delegate, String step, String only) implements MailTransport {

		@Override
		public String channel() {
			return this.delegate.channel();
		}

		@Override
		public Handover deliver(OutgoingEmail email) {
			if (this.step.equals("before-delivery")) {
				pause(email);
			}
			Handover handover = this.delegate.deliver(email);
			if (this.step.equals("after-delivery")) {
				pause(email);
			}
			return handover;
		}

		@Override
		public DeliveryCheck check(OutgoingEmail email) {
			return this.delegate.check(email);
		}

		private void pause(OutgoingEmail email) {
			if (!email.messageId().startsWith(this.only)) {
				return;
			}
			System.out.println(MARKER + " " + this.step + " " + email.messageId());
			System.out.flush();
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
