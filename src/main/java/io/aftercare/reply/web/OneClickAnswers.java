package io.aftercare.reply.web;

import java.time.Instant;

import io.aftercare.reply.Answers;
import io.aftercare.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a confirmed one-click answer once: the token's nonce and the answer in one
 * transaction, so a second POST of the same token (a double click, another instance)
 * finds the nonce and records nothing.
 */
@Component
class OneClickAnswers {

	private final JdbcClient jdbc;

	private final Answers answers;

	OneClickAnswers(JdbcClient jdbc, Answers answers) {
		this.jdbc = jdbc;
		this.answers = answers;
	}

	/**
	 * @return false when the token was used already
	 */
	@Transactional
	public boolean record(AnswerTokens.Answer answer, Instant now) {
		int first = this.jdbc.sql("""
				insert into answer_tokens_used (nonce, followup_id, answer, used_at)
				values (:nonce, :followUp, :answer, :now)
				on conflict do nothing
				""")
			.param("nonce", answer.nonce())
			.param("followUp", answer.followUpId().value())
			.param("answer", answer.allGood() ? "ALL_GOOD" : "STILL_TROUBLE")
			.param("now", SqlTime.utc(now))
			.update();
		if (first == 0) {
			return false;
		}
		this.answers.clicked(answer.followUpId(), answer.allGood(), now);
		return true;
	}

}
