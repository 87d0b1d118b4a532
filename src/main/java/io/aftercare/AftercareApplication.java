package io.aftercare;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import io.aftercare.files.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class AftercareApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("import")) {
			// The command line's ticket import talks to a running Aftercare over HTTP.
			System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.err));
		}
		SpringApplication.run(AftercareApplication.class, args);
	}

	/**
	 * The one clock every module reads the time from, in UTC. It ticks in microseconds,
	 * as both databases store time: an instant the app holds equals the one it reads
	 * back.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
