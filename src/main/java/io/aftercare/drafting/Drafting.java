package io.aftercare.drafting;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.TicketDurations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes follow-up drafts: with the language model when the workspace switched it on,
 * else, and whenever the model's draft does not hold, with the templates. A model draft
 * is checked against the facts ({@link GroundingCheck}); one with findings is written
 * once more with the findings, and after a second one, or a timeout or an error, the
 * template writes it and the draft says why. Call it outside any transaction: the model
 * may take its time.
 * <p>
 * The prompt and the answer are logged only at debug level (logger
 * {@code io.aftercare.drafting}); what is sent is described in {@link DraftPrompt}.
 */
public class Drafting {

	private static final Logger log = LoggerFactory.getLogger(Drafting.class);

	private static final Pattern SUBJECT_LINE = Pattern.compile(
			"^\\s*(?:\\*\\*)?(?:subject|betreff|objet|asunto)\\s*:\\s*(.+?)(?:\\*\\*)?\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern HTTP_STATUS = Pattern.compile("\\b([45]\\d\\d)\\b");

	private final TemplateDraftWriter templates;

	private final DraftModel model;

	private final Duration timeout;

	private final int customerWordChars;

	// Daemon threads: a call cut off by the timeout may still be finishing; it must not
	// keep the application from stopping.
	private final ExecutorService calls = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "draft-writer");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param model the model, or {@code null} to write with the templates only
	 */
	Drafting(TemplateDraftWriter templates, DraftModel model, Duration timeout, int customerWordChars) {
		this.templates = templates;
		this.model = model;
		this.timeout = timeout;
		this.customerWordChars = customerWordChars;
	}

	/**
	 * Whether drafts are written by the language model (with the template to fall back
	 * on).
	 */
	public boolean usesModel() {
		return this.model != null;
	}

	/** A new draft for the request, by the model if it is on. */
	public WrittenDraft write(DraftRequest request) {
		if (this.model == null) {
			return template(request);
		}
		return byModel(request, null, null);
	}

	/**
	 * The draft written again as the CSM asked: {@link DraftStyle#TEMPLATE} by the
	 * template, any other style by the model from the facts and the current draft.
	 * @throws RefusedException when the model is off and the style needs it
	 */
	public WrittenDraft rewrite(DraftRequest request, DraftStyle style, Draft current) {
		if (style == DraftStyle.TEMPLATE) {
			return template(request);
		}
		if (this.model == null) {
			throw new RefusedException("no-writer-model", "Rewriting a draft " + describe(style)
					+ " needs the language-model writer, which is not switched on. Edit the draft instead.");
		}
		return byModel(request, style, current);
	}

	/** The template's draft for the request. */
	public WrittenDraft template(DraftRequest request) {
		return new WrittenDraft(this.templates.write(request), WrittenDraft.Writer.TEMPLATE, request.language(), null,
				0);
	}

	private WrittenDraft byModel(DraftRequest request, DraftStyle style, Draft current) {
		Draft template = this.templates.write(request);
		List<String> grounded = List.of(template.subject() + "\n" + template.textBody());
		String instructions = DraftPrompt.instructions(request);
		String facts = DraftPrompt.facts(request, Wording.of(request.language()), this.customerWordChars);
		String asked = (style != null && style != DraftStyle.FRESH && current != null)
				? DraftPrompt.rewrite(facts, current, style)
				: (style == DraftStyle.FRESH) ? facts + "\n\n" + style.instruction() : facts;
		int tokens = 0;
		List<String> findings = List.of();
		for (int attempt = 1; attempt <= 2; attempt++) {
			String message = (attempt == 1) ? asked : DraftPrompt.retry(asked, findings);
			DraftModel.Answer answer;
			try {
				answer = call(instructions, message);
			}
			catch (TimeoutException ex) {
				return fallback(request, template, tokens, "the language model did not answer within " + patience());
			}
			catch (RuntimeException | ExecutionException ex) {
				Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
				if (timedOut(cause)) {
					return fallback(request, template, tokens,
							"the language model did not answer within " + patience());
				}
				log.warn("The language model failed to write a draft for ticket {}: {}", request.ticketNumber(),
						cause.toString());
				return fallback(request, template, tokens, "the language model failed" + status(cause));
			}
			tokens += answer.tokensUsed();
			Draft draft = parsed(answer.text(), template.subject());
			findings = (draft != null) ? GroundingCheck.findings(request, grounded, draft)
					: List.of("the answer was not an email (a subject line, a blank line, a body)");
			if (findings.isEmpty()) {
				log.info("Draft for ticket {} written by the language model ({} tokens, attempt {})",
						request.ticketNumber(), tokens, attempt);
				return new WrittenDraft(draft, WrittenDraft.Writer.MODEL, request.language(), null, tokens);
			}
			// The findings quote the answer: like the answer, only at debug level.
			log.info("The language model's draft for ticket {} did not hold (attempt {})", request.ticketNumber(),
					attempt);
			log.debug("What the checker found in it: {}", findings);
		}
		return fallback(request, template, tokens,
				"the language model's draft did not hold up to the facts twice: " + String.join("; ", findings));
	}

	private DraftModel.Answer call(String instructions, String message) throws TimeoutException, ExecutionException {
		if (log.isDebugEnabled()) {
			log.debug("Asking the language model for a draft:\n{}\n{}", instructions, message);
		}
		Future<DraftModel.Answer> answer = this.calls.submit(() -> this.model.write(instructions, message));
		try {
			DraftModel.Answer answered = answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (log.isDebugEnabled()) {
				log.debug("The language model answered ({} tokens):\n{}", answered.tokensUsed(), answered.text());
			}
			return answered;
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.cancel(true);
			throw new IllegalStateException("interrupted while waiting for the language model", ex);
		}
	}

	private WrittenDraft fallback(DraftRequest request, Draft template, int tokens, String reason) {
		log.info("Draft for ticket {} written by the template instead of the language model", request.ticketNumber());
		log.debug("Why: {}", reason);
		String said = Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
		return new WrittenDraft(template, WrittenDraft.Writer.TEMPLATE, request.language(), said, tokens);
	}

	/** The model's answer as a draft, or {@code null} when it is not one. */
	static Draft parsed(String answer, String fallbackSubject) {
		if (answer == null || answer.isBlank()) {
			return null;
		}
		String text = answer.replace("\r\n", "\n").strip();
		// Some models wrap the email in a code fence.
		if (text.startsWith("```")) {
			text = text.replaceFirst("^```[\\w-]*\\n", "").replaceFirst("\\n?```\\s*$", "").strip();
		}
		String subject = fallbackSubject;
		String body = text;
		Matcher line = SUBJECT_LINE.matcher(text);
		if (line.find() && text.substring(0, line.start()).isBlank()) {
			subject = line.group(1).strip();
			body = text.substring(line.end()).strip();
		}
		if (body.isBlank()) {
			return null;
		}
		try {
			return new Draft(subject, body + "\n");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// The client's own timeout may strike first: it is a timeout all the same.
	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.io.InterruptedIOException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	// The timeout is seconds long; TicketDurations counts from a minute.
	private String patience() {
		long seconds = this.timeout.toSeconds();
		return (seconds < 120) ? seconds + ((seconds == 1) ? " second" : " seconds")
				: TicketDurations.describe(this.timeout);
	}

	private static String status(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		Matcher code = HTTP_STATUS.matcher(message);
		return code.find() ? " (HTTP " + code.group(1) + ")" : " (" + failure.getClass().getSimpleName() + ")";
	}

	private static String describe(DraftStyle style) {
		return switch (style) {
			case SHORTER -> "shorter";
			case WARMER -> "warmer";
			case MORE_FORMAL -> "more formal";
			default -> "afresh";
		};
	}

}
