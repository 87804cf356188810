import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** What {@link vpcNetworkInterfaces} needs. */
export interface VpcNetworkInterfacesArgs {
  /** The subnets jobs run in. */
  subnets: readonly Arn<"ec2:subnet">[];
  /** The security groups jobs' network interfaces get. */
  securityGroups: readonly Arn<"ec2:security-group">[];
}

/**
 * Lets SageMaker attach the jobs it runs as this role to the given subnets and security groups, and
 * clean up after them.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html
 */
export function vpcNetworkInterfaces(context: ActivityContext, args: VpcNetworkInterfacesArgs): Statement[] {
  if (args.subnets.length === 0) throw new Error("vpcNetworkInterfaces needs at least one subnet");
  if (args.securityGroups.length === 0) throw new Error("vpcNetworkInterfaces needs at least one security group");
  const { ec2 } = arnBuilders(context.scope);
  const networkInterfaces = ec2.networkInterface({ id: "*" });
  // Interfaces of other subnets (other teams' jobs, instances) stay out of reach.
  const inTeamSubnets = { ArnEquals: { "ec2:Subnet": args.subnets.map((subnet) => subnet.value) } };
  return [
    allow({
      // CreateNetworkInterface is authorized on the new interface, its subnet and its security groups.
      sid: "VpcCreateNetworkInterfaces",
      actions: ["ec2:CreateNetworkInterface"],
      resources: [networkInterfaces, ...args.subnets, ...args.securityGroups],
    }),
    allow({
      sid: "VpcManageNetworkInterfaces",
      actions: ["ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"],
      resources: [networkInterfaces],
      conditions: inTeamSubnets,
    }),
    allow({
      // SageMaker does not document the ec2:AuthorizedService it asks for, so only the subnet fences this.
      sid: "VpcAuthorizeSageMaker",
      actions: ["ec2:CreateNetworkInterfacePermission"],
      resources: [networkInterfaces],
      conditions: inTeamSubnets,
    }),
    allow({
      // Describe calls have no resource-level permissions.
      sid: "VpcDescribe",
      actions: [
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
      ],
      resources: ["*"],
    }),
  ];
}
