package com.civilsafety.ledger.processmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A revision of a shipped process model, deployed from the modeler. Revision 1 is the model the platform ships
 * (never stored); each deployment from the modeler adds the next one. Never changed once stored.
 */
@Entity
public class ProcessModelRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String modelName;
    private String bpmnProcessId;
    private int revision;
    private String bpmnXml;
    @Column(name = "comment_text")
    private String comment;
    private int engineVersion;
    private long deployedBy;
    private Instant deployedAt;

    protected ProcessModelRevision() {
    }

    ProcessModelRevision(String modelName, String bpmnProcessId, int revision, String bpmnXml, String comment,
                         int engineVersion, long deployedBy, Instant deployedAt) {
        this.modelName = modelName;
        this.bpmnProcessId = bpmnProcessId;
        this.revision = revision;
        this.bpmnXml = bpmnXml;
        this.comment = comment;
        this.engineVersion = engineVersion;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
    }

    /** The version the engine gave it; set in the transaction that records it, right after the deployment. */
    public void deployedAs(int engineVersion) {
        this.engineVersion = engineVersion;
    }

    public String getModelName() {
        return modelName;
    }

    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    public int getRevision() {
        return revision;
    }

    public String getBpmnXml() {
        return bpmnXml;
    }

    public String getComment() {
        return comment;
    }

    public int getEngineVersion() {
        return engineVersion;
    }

    public long getDeployedBy() {
        return deployedBy;
    }

    public Instant getDeployedAt() {
        return deployedAt;
    }
}
