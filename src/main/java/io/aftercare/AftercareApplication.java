package io.aftercare;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class AftercareApplication {

	public static void main(String[] args) {
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
