// Compiled by `typecheck`, never run: each @ts-expect-error fails the build if its line starts to compile.
import { allow, deny } from "./statement";

allow({ actions: ["s3:GetObject", "s3:ListBucket"], resources: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] });
allow({ actions: ["s3:Get*", "sagemaker:Describe*", "ecr:BatchGet?mage"], resources: ["*"] });
deny({ notActions: ["iam:*"], resources: ["*"] });

// @ts-expect-error a misspelled action does not compile
allow({ actions: ["s3:GetObjet"], resources: ["*"] });

// @ts-expect-error a wildcard needs a known service prefix
allow({ actions: ["s4:Get*"], resources: ["*"] });

// @ts-expect-error an action needs its service prefix
allow({ actions: ["GetObject"], resources: ["*"] });

// @ts-expect-error conditions take known operators only
allow({ actions: ["s3:GetObject"], resources: ["*"], conditions: { StringEqualz: { "aws:SourceAccount": "1" } } });

// @ts-expect-error condition keys are known global or service keys
allow({ actions: ["s3:GetObject"], resources: ["*"], conditions: { StringEquals: { "aws:SourceAcount": "1" } } });

allow({
  actions: ["sagemaker:CreateTrainingJob"],
  resources: ["*"],
  conditions: {
    StringEquals: { "aws:RequestTag/team": "ds", "aws:SourceAccount": "111122223333" },
    "ForAllValues:StringLike": { "aws:TagKeys": ["team", "owner"] },
    BoolIfExists: { "aws:MultiFactorAuthPresent": true },
    Null: { "aws:ResourceTag/team": "false" },
  },
});

// @ts-expect-error Null has no IfExists form
allow({ actions: ["s3:GetObject"], resources: ["*"], conditions: { NullIfExists: { "aws:ResourceTag/team": "true" } } });

// @ts-expect-error statements have no "action" key: it is "actions"
allow({ action: ["s3:GetObject"], resources: ["*"] });
