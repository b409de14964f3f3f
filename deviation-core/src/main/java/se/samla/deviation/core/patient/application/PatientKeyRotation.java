package se.samla.deviation.core.patient.application;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.patient.domain.PatientDataCipher;

/**
 * Moves stored patient numbers to the active key after a key rotation, in small batches, each in
 * its own transaction. A row is rewritten only if its ciphertext is still the one that was read, so
 * a concurrent change is never overwritten; the pseudonym does not change. This is a technical
 * re-encryption: no timeline event and no new version of the deviation.
 */
@Service
public class PatientKeyRotation {

  private static final Logger log = LoggerFactory.getLogger(PatientKeyRotation.class);

  private record Stored(UUID id, byte[] ciphertext) {}

  private final JdbcTemplate jdbc;
  private final PatientDataCipher cipher;
  private final TransactionTemplate transaction;

  private final LockRegistry locks;

  PatientKeyRotation(
      JdbcTemplate jdbc,
      PatientDataCipher cipher,
      PlatformTransactionManager transactions,
      LockRegistry locks) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.transaction = new TransactionTemplate(transactions);
    this.locks = locks;
  }

  /** After a rotation, every instance's schedule tries; one at a time does the work. */
  @Scheduled(
      fixedDelayString = "${deviation.patient.reencrypt-interval:PT6H}",
      initialDelayString = "${deviation.patient.reencrypt-initial-delay:PT2M}")
  public void reencryptScheduled() {
    Lock lock = locks.obtain("patient-key-rotation");
    if (lock.tryLock()) {
      try {
        reencryptAll(500);
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Re-encrypts every patient number not under the active key.
   *
   * @return how many rows were moved to the active key
   */
  public int reencryptAll(int batchSize) {
    int moved = 0;
    UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes
    List<Stored> batch;
    do {
      batch = readBatch(after, batchSize);
      if (!batch.isEmpty()) {
        after = batch.get(batch.size() - 1).id();
        List<Stored> stale =
            batch.stream().filter(s -> !cipher.isEncryptedWithActiveKey(s.ciphertext())).toList();
        moved += rewrite(stale);
      }
    } while (batch.size() == batchSize);
    if (moved > 0) {
      log.info("re-encrypted {} patient numbers to key {}", moved, cipher.activeKeyId());
    }
    return moved;
  }

  private List<Stored> readBatch(UUID after, int batchSize) {
    return jdbc.query(
        "select id, patient_ciphertext from deviation where patient_ciphertext is not null"
            + " and id > ? order by id limit ?",
        (rs, i) -> new Stored(rs.getObject("id", UUID.class), rs.getBytes("patient_ciphertext")),
        after,
        batchSize);
  }

  private int rewrite(List<Stored> stale) {
    Integer done =
        transaction.execute(
            tx -> {
              int n = 0;
              for (Stored s : stale) {
                n +=
                    jdbc.update(
                        "update deviation set patient_ciphertext = ? where id = ?"
                            + " and patient_ciphertext = ?",
                        cipher.reencrypt(s.ciphertext()),
                        s.id(),
                        s.ciphertext());
              }
              return n;
            });
    return done == null ? 0 : done;
  }
}
