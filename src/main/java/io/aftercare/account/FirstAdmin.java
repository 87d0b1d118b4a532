package io.aftercare.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A production start has no default users. The first admin comes from the environment
 * ({@code AFTERCARE_ADMIN_USERNAME}, {@code AFTERCARE_ADMIN_PASSWORD}); further users are
 * created by that admin through {@code POST /api/admin/users}. Runs before the demo
 * workspace is loaded, which brings its own users.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final CsmDirectory directory;

	private final Environment environment;

	FirstAdmin(CsmDirectory directory, Environment environment) {
		this.directory = directory;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = this.environment.getProperty("aftercare.admin.username");
		String password = this.environment.getProperty("aftercare.admin.password");
		if (username != null && password != null && !this.directory.exists(username)) {
			this.directory.create(new NewCsm(username, "Administrator", null, null, password, CsmRole.ADMIN));
			log.info("Created admin user '{}' from AFTERCARE_ADMIN_USERNAME.", username);
		}
	}

	/** Said once the app is up, so a new operator knows how to get in. */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void explainWhenNobodyCanSignIn() {
		if (this.directory.count() == 0) {
			log.warn("No users exist, so nobody can sign in. Restart with AFTERCARE_ADMIN_USERNAME and "
					+ "AFTERCARE_ADMIN_PASSWORD set to create the first admin, then add CSMs with POST /api/admin/users.");
		}
	}

}
