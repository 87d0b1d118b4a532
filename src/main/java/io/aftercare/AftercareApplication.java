package io.aftercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AftercareApplication {

	public static void main(String[] args) {
		SpringApplication.run(AftercareApplication.class, args);
	}

}
