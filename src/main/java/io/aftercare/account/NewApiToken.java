package io.aftercare.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A token to create: a name that says where it is used, a scope, and how many days it
 * lives (the default when left out: {@code aftercare.account.tokens.default-lifetime}).
 */
public record NewApiToken(@NotBlank @Size(max = 100) String name, @NotNull ApiTokenScope scope,
		@Min(1) @Max(3650) Integer expiresInDays) {

	public NewApiToken {
		name = io.aftercare.shared.Text.headerText("name", name);
	}

}
