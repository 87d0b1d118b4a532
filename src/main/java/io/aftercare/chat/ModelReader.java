package io.aftercare.chat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aftercare.chat.intent.Book;
import io.aftercare.chat.intent.Intent;
import io.aftercare.chat.intent.ModelAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Asks the {@link IntentModel} about a message, within a time limit, and checks its
 * answer against the CSM's book. Any failure (no model, a timeout, an error, an answer
 * that is not the JSON asked for, or that names a customer outside the book) gives no
 * intent, and the chat answers as it would without a model. The message and the answer
 * are never logged: they may name customers.
 */
class ModelReader implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ModelReader.class);

	// A few calls at once; more wait briefly in the queue, and past that are not asked.
	private static final int CALLS_AT_ONCE = 4;

	private static final int WAITING_CALLS = 16;

	private final IntentModel model;

	private final Duration timeout;

	private final ThreadPoolExecutor calls;

	ModelReader(IntentModel model, Duration timeout) {
		this.model = model;
		this.timeout = timeout;
		this.calls = new ThreadPoolExecutor(CALLS_AT_ONCE, CALLS_AT_ONCE, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(WAITING_CALLS), new CustomizableThreadFactory("chat-model-"));
		this.calls.allowCoreThreadTimeOut(true);
	}

	boolean isAvailable() {
		return this.model.isAvailable();
	}

	/** The intent the model reads in the message, if it answered in time and soundly. */
	Optional<Intent> read(String message, Book book) {
		if (!this.model.isAvailable()) {
			return Optional.empty();
		}
		Future<Optional<String>> answer;
		try {
			answer = this.calls.submit(() -> this.model.read(message));
		}
		catch (RejectedExecutionException ex) {
			log.warn("The language model was not asked: too many questions waiting for it");
			return Optional.empty();
		}
		try {
			Optional<String> text = answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (text.isEmpty()) {
				return Optional.empty();
			}
			ModelAnswer.Checked checked = ModelAnswer.check(text.get(), message, book);
			if (checked.refusal() != null) {
				log.info("The language model's answer was refused: {}", checked.refusal());
			}
			return checked.intent();
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			log.warn("The language model did not answer within {}", this.timeout);
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			log.warn("The language model failed: {}", ex.getCause().getClass().getSimpleName());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	@Override
	public void destroy() {
		this.calls.shutdownNow();
	}

}
