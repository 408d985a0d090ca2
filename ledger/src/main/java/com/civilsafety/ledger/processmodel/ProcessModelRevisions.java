package com.civilsafety.ledger.processmodel;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The revisions of the shipped process models deployed from the modeler. */
@Service
public class ProcessModelRevisions {
    /** Revision 1 is the model the platform ships; stored revisions count on from it. */
    public static final int SHIPPED = 1;

    private final ProcessModelRevisionRepository revisions;
    private final Clock clock;

    ProcessModelRevisions(ProcessModelRevisionRepository revisions, Clock clock) {
        this.revisions = revisions;
        this.clock = clock;
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
