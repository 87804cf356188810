import type { TeamResources } from "../team-resources";
import type { WorkflowActor, WorkflowStep } from "../workflow";

/**
 * What SageMaker does with a job's or model's role to run it in the team's VPC: it creates an elastic network
 * interface in the subnet with the security groups, lets itself attach it, describes the network, and deletes
 * the interface when the job ends.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms
 */
export function vpcNetworkInterfaceSteps(team: TeamResources, actor: WorkflowActor): WorkflowStep[] {
  const subnet = team.first("subnetIds");
  const securityGroup = team.first("securityGroupIds");
  const anyInterface = team.arn.ec2.networkInterface({ id: "*" }).value;
  // EC2 puts an existing interface's subnet into the context of the calls on it.
  const inSubnet = { "ec2:Subnet": team.arn.ec2.subnet({ id: subnet }).value };
  const describe = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"] as const;
  return [
    ...describe.map((action): WorkflowStep => ({ actor, action, resource: "*", context: {}, purpose: "read the VPC's network" })),
    { actor, action: "ec2:CreateNetworkInterface", resource: team.arn.ec2.subnet({ id: subnet }).value, context: {}, purpose: `create an interface in ${subnet}` },
    { actor, action: "ec2:CreateNetworkInterface", resource: team.arn.ec2.securityGroup({ id: securityGroup }).value, context: {}, purpose: `join ${securityGroup}` },
    { actor, action: "ec2:CreateNetworkInterface", resource: anyInterface, context: {}, purpose: "create the interface" },
    { actor, action: "ec2:CreateNetworkInterfacePermission", resource: anyInterface, context: inSubnet, purpose: "let SageMaker attach the interface" },
    { actor, action: "ec2:DeleteNetworkInterfacePermission", resource: anyInterface, context: inSubnet, purpose: "detach the interface" },
    { actor, action: "ec2:DeleteNetworkInterface", resource: anyInterface, context: inSubnet, purpose: "delete the interface when the job ends" },
  ];
}
