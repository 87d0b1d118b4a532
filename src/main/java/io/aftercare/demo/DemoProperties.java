package io.aftercare.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo workspace.
 *
 * @param load when to load the demo workspace into an empty database
 */
@ConfigurationProperties("aftercare.demo")
record DemoProperties(@DefaultValue("auto") Load load) {

	enum Load {

		/** Only into the embedded H2 database, the default of a first local start. */
		AUTO,
		/** Into any empty database, PostgreSQL included. */
		ALWAYS,
		/** Never. */
		NEVER

	}

}
