package io.aftercare.shared.jdbc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read that joins the caller's transaction, and otherwise opens none: its statements
 * run one by one on one connection, without {@code BEGIN} and {@code COMMIT}.
 * <p>
 * Why: both databases run at READ COMMITTED, where every statement sees what was
 * committed when it started, inside a transaction or not; a transaction of its own gave a
 * read nothing but two more round trips. A follow-up request made ten of them
 * (pg_stat_statements in the load run), and each round trip costs the app and PostgreSQL
 * CPU. Reads that need one snapshot or a lock belong in the transaction of the command
 * that needs them.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public @interface ReadOnly {

}
