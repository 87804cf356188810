import { arnBuilders } from "../arns";
import type { KnownAction } from "../generated/actions";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

const createActions = ["sagemaker:CreateEndpointConfig", "sagemaker:CreateEndpoint"] as const satisfies readonly KnownAction[];

/**
 * Deploys, updates, invokes and deletes the team's real-time and asynchronous endpoints: endpoint configs
 * and endpoints named `${team}-*` and tagged `team`.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints.html
 */
export function manageEndpoints(context: ActivityContext): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  // CreateEndpoint and UpdateEndpoint are authorized on the endpoint and on its config.
  const resources = [sagemaker.endpointConfig({ name }), sagemaker.endpoint({ name })];
  return [
    allow({
      sid: "EndpointsCreate",
      actions: createActions,
      resources,
      conditions: { StringEquals: { "aws:RequestTag/team": context.team } },
    }),
    allow({
      // SageMaker authorizes a create request's tags as sagemaker:AddTags; TaggingAction keeps the grant
      // from retagging existing resources.
      sid: "EndpointsTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources,
      conditions: {
        StringEquals: {
          "aws:RequestTag/team": context.team,
          "sagemaker:TaggingAction": createActions.map((action) => action.replace("sagemaker:", "")),
        },
      },
    }),
    allow({
      // CreateEndpoint is also authorized on the endpoint config it uses, which already exists: its tag decides.
      sid: "EndpointsUseTeamConfigs",
      actions: ["sagemaker:CreateEndpoint", "sagemaker:UpdateEndpoint"],
      resources: [sagemaker.endpointConfig({ name })],
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      sid: "EndpointsManageAndInvoke",
      actions: [
        "sagemaker:DescribeEndpointConfig",
        "sagemaker:DeleteEndpointConfig",
        "sagemaker:DescribeEndpoint",
        "sagemaker:UpdateEndpoint",
        "sagemaker:UpdateEndpointWeightsAndCapacities",
        "sagemaker:DeleteEndpoint",
        "sagemaker:InvokeEndpoint",
        "sagemaker:InvokeEndpointAsync",
      ],
      resources,
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      sid: "EndpointsList",
      actions: ["sagemaker:ListEndpointConfigs", "sagemaker:ListEndpoints"],
      resources: ["*"],
    }),
  ];
}
