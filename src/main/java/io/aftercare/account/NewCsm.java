package io.aftercare.account;

import io.aftercare.shared.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create. The password is given in clear and stored only as a hash. The display
 * name and the email address go into the From header of every follow-up the CSM owns: the
 * name must be one line (invisible format characters are removed) and the address one
 * that mail can be sent from.
 */
public record NewCsm(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+",
				message = "may contain lower-case letters, digits, '.', '_' and '-' only") String username,
		@NotBlank @Size(max = 200) String displayName, @Size(max = 254) String email, @Size(max = 64) String phone,
		@NotBlank @Size(min = 8, max = 200) String password, @NotNull CsmRole role) {

	public NewCsm {
		displayName = Text.headerText("displayName", displayName);
		email = Text.emailAddress("email", email);
		if (Text.breaksLine(phone)) {
			throw new IllegalArgumentException("phone must be one line, without line breaks or control characters");
		}
	}

	@Override
	public String toString() {
		return "NewCsm[username=" + this.username + ", role=" + this.role + "]";
	}

}
