package io.aftercare.reply.web;

import java.time.Clock;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.customer.CustomerBook;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind each one-click link. A GET only shows what the click would say and asks
 * for a confirming click, so a mail scanner that follows links records nothing; the POST
 * records the answer once (the token's nonce is written in the same transaction).
 * Altered, expired and used tokens get a page that says so, in the customer's words. A
 * page for customers, not part of the API: hidden from its description.
 */
@Controller
@Hidden
class AnswerPage {

	private final AnswerTokens tokens;

	private final OneClickAnswers oneClick;

	private final FollowUpResponses followUps;

	private final CustomerBook customers;

	private final JdbcClient jdbc;

	private final Clock clock;

	AnswerPage(AnswerTokens tokens, OneClickAnswers oneClick, FollowUpResponses followUps, CustomerBook customers,
			JdbcClient jdbc, Clock clock) {
		this.tokens = tokens;
		this.oneClick = oneClick;
		this.followUps = followUps;
		this.customers = customers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/answer/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<AnswerTokens.Answer> answer = valid(token, model, response);
		if (answer.isEmpty()) {
			return "answer/refused";
		}
		model.addAttribute("token", token);
		model.addAttribute("confirmation", this.tokens.confirmation(token));
		model.addAttribute("allGood", answer.get().allGood());
		model.addAttribute("contact", contactName(answer.get()));
		return "answer/confirm";
	}

	@PostMapping("/answer/{token}")
	String confirm(@PathVariable String token, @RequestParam(required = false) String confirmation,
			HttpServletRequest request, Model model, HttpServletResponse response) {
		Optional<AnswerTokens.Answer> answer = valid(token, model, response);
		if (answer.isEmpty()) {
			return "answer/refused";
		}
		// A form we served for this token, posted from our own page (browsers say where
		// a request comes from; a cross-site post is refused).
		if (!this.tokens.confirms(token, confirmation) || "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			return refused(model, response, HttpServletResponse.SC_BAD_REQUEST, "Please use the button on the page",
					"Your answer was not recorded. Open the link from the email again and press the button there.");
		}
		if (!this.oneClick.record(answer.get(), this.clock.instant())) {
			return used(model, response);
		}
		model.addAttribute("allGood", answer.get().allGood());
		model.addAttribute("contact", contactName(answer.get()));
		return "answer/done";
	}

	/** The token's answer when it is ours, unaltered, unexpired and unused. */
	private Optional<AnswerTokens.Answer> valid(String token, Model model, HttpServletResponse response) {
		Optional<AnswerTokens.Answer> answer = this.tokens.read(token)
			.filter((read) -> this.followUps.find(read.followUpId()).isPresent());
		if (answer.isEmpty()) {
			refused(model, response, HttpServletResponse.SC_BAD_REQUEST, "This link does not work",
					"It may have been changed or cut short on its way. Please reply to the email instead: "
							+ "your answer reaches the same person.");
			return Optional.empty();
		}
		if (answer.get().expired(this.clock.instant())) {
			refused(model, response, HttpServletResponse.SC_GONE, "This link has expired",
					"Please reply to the email instead: your answer reaches the same person.");
			return Optional.empty();
		}
		if (isUsed(answer.get().nonce())) {
			used(model, response);
			return Optional.empty();
		}
		return answer;
	}

	private boolean isUsed(String nonce) {
		return this.jdbc.sql("select count(*) from answer_tokens_used where nonce = :nonce")
			.param("nonce", nonce)
			.query(Long.class)
			.single() > 0;
	}

	private String used(Model model, HttpServletResponse response) {
		return refused(model, response, HttpServletResponse.SC_CONFLICT, "This answer was already recorded",
				"Thank you. If anything has changed since, just reply to the email.");
	}

	private static String refused(Model model, HttpServletResponse response, int status, String title, String detail) {
		response.setStatus(status);
		model.addAttribute("title", title);
		model.addAttribute("detail", detail);
		return "answer/refused";
	}

	/** Who the customer is answering: the CSM who owns their account. */
	private String contactName(AnswerTokens.Answer answer) {
		return this.followUps.find(answer.followUpId())
			.map(FollowUp::customerId)
			.flatMap((id) -> this.customers.find(Csm.AFTERCARE, id))
			.map((customer) -> this.customers.owner(customer, Csm.AFTERCARE).displayName())
			.orElse("your contact");
	}

}
