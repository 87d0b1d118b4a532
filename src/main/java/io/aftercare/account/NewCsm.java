package io.aftercare.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create. The password is given in clear and stored only as a hash.
 */
public record NewCsm(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+",
				message = "may contain lower-case letters, digits, '.', '_' and '-' only") String username,
		@NotBlank @Size(max = 200) String displayName, @Email @Size(max = 320) String email,
		@Size(max = 64) String phone, @NotBlank @Size(min = 8, max = 200) String password, @NotNull CsmRole role) {

	@Override
	public String toString() {
		return "NewCsm[username=" + this.username + ", role=" + this.role + "]";
	}

}
