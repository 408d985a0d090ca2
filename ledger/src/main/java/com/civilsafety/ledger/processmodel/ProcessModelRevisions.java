package com.civilsafety.ledger.processmodel;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The revisions of the shipped process models deployed from the modeler. */
@Service
public class ProcessModelRevisions {
    /** Revision 1 is the model the platform ships; stored revisions count on from it. */
    public static final int SHIPPED = 1;

    private final ProcessModelRevisionRepository revisions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String epoch;

    ProcessModelRevisions(ProcessModelRevisionRepository revisions, JdbcTemplate jdbc, Clock clock,
                          @Value("${civil-safety.engine.epoch:cluster}") String epoch) {
        this.revisions = revisions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.epoch = epoch;
    }

    /**
     * The engine deployed a revision of a process as this version (at start-up, or a revision from the modeler). The
     * first record of a version in an engine's lifetime stands: a cluster answers a model it has with the version it
     * gave it, which is the same model.
     */
    @Transactional
    public void deployedAs(String bpmnProcessId, int engineVersion, int revision) {
        Integer known = revisionOf(bpmnProcessId, engineVersion).orElse(null);
        if (known == null) {
            jdbc.update("insert into process_deployment (engine_epoch, bpmn_process_id, engine_version, revision, deployed_at) "
                    + "values (?, ?, ?, ?, ?)", epoch, bpmnProcessId, engineVersion, revision,
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
    }

    /** The revision this engine's version of a process was deployed from, if the platform deployed it. */
    @Transactional(readOnly = true)
    public Optional<Integer> revisionOf(String bpmnProcessId, int engineVersion) {
        return jdbc.queryForList("select revision from process_deployment where engine_epoch = ? and bpmn_process_id = ? "
                + "and engine_version = ?", Integer.class, epoch, bpmnProcessId, engineVersion).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<ProcessModelRevision> current(String modelName) {
        return revisions.findTopByModelNameOrderByRevisionDesc(modelName);
    }

    @Transactional(readOnly = true)
    public List<ProcessModelRevision> history(String modelName) {
        return revisions.findByModelNameOrderByRevisionDesc(modelName);
    }

    /**
     * Records the next revision, to be deployed in the same transaction ({@link ProcessModelRevision#deployedAs}). Two administrators deploying the same model at once: the
     * unique revision number lets one of them record it, the other is told to reload.
     */
    @Transactional
    public ProcessModelRevision record(String modelName, String bpmnProcessId, String xml, String comment, Actor actor) {
        int next = current(modelName).map(ProcessModelRevision::getRevision).orElse(SHIPPED) + 1;
        try {
            return revisions.saveAndFlush(new ProcessModelRevision(modelName, bpmnProcessId, next, xml, comment,
                    0, actor.personId(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("该流程模型刚被他人部署了新版本，请重新打开后再修改");
        }
    }
}
